package org.hamster.provider.internal;

import org.hamster.common.HamsterException;
import org.hamster.provider.RefusedException;
import org.hamster.rest.ApiException;

/** The management API's failures as REST answers. */
final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * 400 invalid input, 404 not this account's, 409 refused by the chain, 409 {@code not-configured} while the
     * provider is not configured (the operator must change its configuration: retrying alone cannot help, unlike a
     * 503), 503 node unreachable (or the provider still waiting for it), else 502.
     */
    static ApiException of(HamsterException e) {
        if (e instanceof RefusedException r) {
            return new ApiException(409, "chain-refused", "refused by the chain: " + r.error(), e);
        }
        return switch (e.code()) {
            case INVALID_INPUT -> new ApiException(400, "bad-request", e.getMessage(), e);
            case NOT_FOUND -> new ApiException(404, "not-found", e.getMessage(), e);
            case CONFIG -> new ApiException(409, "not-configured", e.getMessage(), e);
            case UNAVAILABLE -> new ApiException(503, "chain-unavailable", e.getMessage(), e);
            default -> new ApiException(502, "chain-error", e.getMessage(), e);
        };
    }
}

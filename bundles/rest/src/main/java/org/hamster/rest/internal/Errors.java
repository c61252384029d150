package org.hamster.rest.internal;

import java.util.Locale;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.hamster.rest.ApiError;

/** Builds the JSON error answers {@code {"code": ..., "message": ...}} shared by the filters and mappers. */
final class Errors {
    private Errors() {
    }

    static Response response(int status, String code, String message) {
        return builder(status, code, message).build();
    }

    static Response.ResponseBuilder builder(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message));
    }

    /** A code for a bare HTTP status: its JAX-RS name in kebab case ({@code not-found}), else {@code http-<n>}. */
    static String codeFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

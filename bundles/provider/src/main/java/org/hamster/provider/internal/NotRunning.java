package org.hamster.provider.internal;

import java.math.BigInteger;
import java.util.List;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.provider.ActionResult;
import org.hamster.provider.ProviderAccount;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.ProviderStatus;
import org.hamster.provider.ResourceSpec;
import org.hamster.provider.ResourceView;

/**
 * The management of a provider that does not run: every call is refused before anything is sent, with the reason —
 * {@link ErrorCode#CONFIG} while it is not configured, {@link ErrorCode#UNAVAILABLE} while it waits for the chain.
 */
final class NotRunning implements ProviderManagement {
    private final ProviderStatus.State state;
    private final String reason;

    NotRunning(ProviderStatus.State state, String reason) {
        this.state = state;
        this.reason = reason;
    }

    /** The refusal: "bad configuration: the provider is not configured: <reason>" or its chain counterpart. */
    HamsterException refusal() {
        return state == ProviderStatus.State.UNCONFIGURED
                ? new HamsterException(ErrorCode.CONFIG, "the provider is not configured: " + reason)
                : new HamsterException(ErrorCode.UNAVAILABLE, "the provider is waiting for the chain: " + reason);
    }

    @Override
    public int tokenDecimals() throws HamsterException {
        throw refusal();
    }

    @Override
    public ProviderAccount account() throws HamsterException {
        throw refusal();
    }

    @Override
    public List<ResourceView> resources() throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult pledge(BigInteger amount) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult withdrawPledge(BigInteger amount) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult registerResource(ResourceSpec spec) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult setPrice(long resource, BigInteger pricePerHour) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult addDuration(long resource, long hours) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult offline(long resource) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult relist(long resource) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult remove(long resource) throws HamsterException {
        throw refusal();
    }

    @Override
    public ActionResult withdrawEarnings(long agreement) throws HamsterException {
        throw refusal();
    }

    @Override
    public List<ActionResult> withdrawEarnings() throws HamsterException {
        throw refusal();
    }
}

package org.hamster.provider;

import java.math.BigInteger;
import java.util.List;
import org.hamster.common.HamsterException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Managing the provider on chain with its configured account: pledge, resources, earnings. Every action signs one
 * call (withdrawEarnings() one per agreement), waits for its block and returns it. Amounts are in planck. Failures:
 * invalid input is {@link org.hamster.common.ErrorCode#INVALID_INPUT} and a resource or agreement not of this
 * account {@link org.hamster.common.ErrorCode#NOT_FOUND}, both before anything is sent; the chain's refusal is a
 * {@link RefusedException}; an unreachable node is {@link org.hamster.common.ErrorCode#UNAVAILABLE}.
 */
@ProviderType
public interface ProviderManagement {
    /** The token decimals of the chain (1 HAM = 10^decimals planck). */
    int tokenDecimals() throws HamsterException;

    ProviderAccount account() throws HamsterException;

    /** This account's resources, in registration order. */
    List<ResourceView> resources() throws HamsterException;

    /** Reserves {@code amount} more of the free balance as pledge. */
    ActionResult pledge(BigInteger amount) throws HamsterException;

    /** Returns {@code amount} of the free pledge to the free balance. */
    ActionResult withdrawPledge(BigInteger amount) throws HamsterException;

    /** Lists a resource under the provider's peer id. */
    ActionResult registerResource(ResourceSpec spec) throws HamsterException;

    /** The price of orders and renewals placed from now on. */
    ActionResult setPrice(long resource, BigInteger pricePerHour) throws HamsterException;

    /** Moves the end of the listing {@code hours} later. */
    ActionResult addDuration(long resource, long hours) throws HamsterException;

    /** Takes an unused resource off the market (no fault recorded); {@link #relist} brings it back. */
    ActionResult offline(long resource) throws HamsterException;

    /** Puts an offline resource back on the market. */
    ActionResult relist(long resource) throws HamsterException;

    /** Delists an unused or offline resource. */
    ActionResult remove(long resource) throws HamsterException;

    /** Withdraws the rent earned on one agreement. */
    ActionResult withdrawEarnings(long agreement) throws HamsterException;

    /** Withdraws the rent of every agreement that has some; empty if none has. */
    List<ActionResult> withdrawEarnings() throws HamsterException;
}

package org.hamster.provider;

import java.math.BigInteger;
import java.util.List;

/**
 * The provider's account on chain. Amounts in planck.
 *
 * @param address SS58 address of the configured account
 * @param free its free balance
 * @param pledgeTotal the pledge it holds reserved
 * @param pledgeLocked the part of the pledge backing running leases
 * @param pledgeFree the part that can be withdrawn or back new leases
 * @param withdrawable rent earned and not yet withdrawn, over all agreements
 * @param earnings per agreement: running ones and those with rent to withdraw, in id order
 */
public record ProviderAccount(String address, BigInteger free, BigInteger pledgeTotal, BigInteger pledgeLocked,
        BigInteger pledgeFree, BigInteger withdrawable, List<Earning> earnings) {
    public ProviderAccount {
        earnings = List.copyOf(earnings);
    }

    /**
     * @param agreement the rental agreement
     * @param resource the resource it leases
     * @param status USING, FINISHED or PUNISHED
     * @param withdrawable its rent earned and not yet withdrawn
     */
    public record Earning(long agreement, long resource, String status, BigInteger withdrawable) {
    }
}

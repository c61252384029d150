package org.hamster.pallet.provider;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;

/**
 * A provider's track record for reputation (Provider.ProviderStats): leases started, hours rented (including
 * renewals) and leases punished for missed heartbeats, with the time of the last fault (0 = never). Counters
 * saturate rather than fail a lease. SCALE: {@code (u64, u64, u64, u64)}.
 */
public record ProviderStatistics(long rentals, long rentedHours, long faults, long lastFaultAt) {
    public static final ProviderStatistics EMPTY = new ProviderStatistics(0, 0, 0, 0);
    public static final Codec<ProviderStatistics> CODEC = Codecs.of(
            (w, s) -> w.u64(s.rentals).u64(s.rentedHours).u64(s.faults).u64(s.lastFaultAt),
            r -> new ProviderStatistics(r.u64(), r.u64(), r.u64(), r.u64()));

    public ProviderStatistics withRental(boolean newLease, long hours) {
        return new ProviderStatistics(newLease ? sat(rentals, 1) : rentals, sat(rentedHours, hours), faults,
                lastFaultAt);
    }

    public ProviderStatistics withFault(long at) {
        return new ProviderStatistics(rentals, rentedHours, sat(faults, 1), at);
    }

    private static long sat(long a, long b) {
        long r = a + b;
        return r < a ? Long.MAX_VALUE : r;
    }
}

package org.hamster.pallet.provider;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;

/**
 * Where a listed resource is in its life (SCALE enum, the original's variant order): UNUSED (rentable) -> LOCKED
 * (an order is pending) -> INUSE (a rental agreement runs) -> UNUSED when the lease ends, or OFFLINE when the
 * provider missed its heartbeats; UNUSED -> OFFLINE also by the owner's offline; OFFLINE -> UNUSED only by the
 * owner's relist.
 */
public enum ResourceStatus {
    INUSE, LOCKED, UNUSED, OFFLINE;

    public static final Codec<ResourceStatus> CODEC = Codecs.of((w, s) -> w.u8(s.ordinal()), r -> of(r.u8()));

    public static ResourceStatus of(int index) {
        ResourceStatus[] all = values();
        if (index < 0 || index >= all.length) {
            throw new ScaleException("bad ResourceStatus " + index);
        }
        return all[index];
    }

    /** Whether a tenant holds the resource (an order is pending or a lease runs): it must not go away. */
    public boolean rented() {
        return this == INUSE || this == LOCKED;
    }
}

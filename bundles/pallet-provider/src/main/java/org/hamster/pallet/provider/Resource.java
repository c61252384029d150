package org.hamster.pallet.provider;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.common.Bytes;

/**
 * A listed machine (Provider.Resources value). {@code peerId} is the provider's libp2p peer id as base58 text;
 * {@code rentableHours} the hours listed in total (registration plus every add_resource_duration);
 * {@code registeredAt} and {@code endOfRent} are chain time in ms: no lease may be ordered past endOfRent, and the
 * listing is removed there (or when the lease running at that moment ends).
 * SCALE: {@code (u64, AccountId, Vec<u8>, ResourceConfig, u128, u32, u64, u64, ResourceStatus)}.
 */
public record Resource(long id, AccountId owner, Bytes peerId, ResourceConfig config, BigInteger pricePerHour,
        long rentableHours, long registeredAt, long endOfRent, ResourceStatus status) {
    public static final Codec<Resource> CODEC = Codecs.of((w, r) -> {
        w.u64(r.id);
        AccountId.CODEC.encode(w, r.owner);
        ResourceConfig.BYTES.encode(w, r.peerId);
        ResourceConfig.CODEC.encode(w, r.config);
        w.u128(r.pricePerHour).u32(r.rentableHours).u64(r.registeredAt).u64(r.endOfRent);
        ResourceStatus.CODEC.encode(w, r.status);
    }, r -> new Resource(r.u64(), AccountId.CODEC.decode(r), ResourceConfig.BYTES.decode(r),
            ResourceConfig.CODEC.decode(r), r.u128(), r.u32(), r.u64(), r.u64(), ResourceStatus.CODEC.decode(r)));

    public Resource withStatus(ResourceStatus s) {
        return new Resource(id, owner, peerId, config, pricePerHour, rentableHours, registeredAt, endOfRent, s);
    }

    public Resource withPrice(BigInteger price) {
        return new Resource(id, owner, peerId, config, price, rentableHours, registeredAt, endOfRent, status);
    }

    public Resource withDuration(long hours, long end) {
        return new Resource(id, owner, peerId, config, pricePerHour, hours, registeredAt, end, status);
    }

    /** Whether the listing has reached its end at time {@code now}. */
    public boolean expiredAt(long now) {
        return now >= endOfRent;
    }
}

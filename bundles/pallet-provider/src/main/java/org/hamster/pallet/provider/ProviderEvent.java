package org.hamster.pallet.provider;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;

/** Provider pallet events: variant index and SCALE fields as documented on each. */
public sealed interface ProviderEvent extends PalletEvent {
    @Override
    default String pallet() {
        return ProviderStorage.PALLET;
    }

    /** 0: {@code (resource: u64, owner: AccountId, peer_id: Vec<u8>, price_per_hour: u128, end_of_rent: u64)}. */
    record ResourceRegistered(long resource, AccountId owner, Bytes peerId, BigInteger pricePerHour, long endOfRent)
            implements ProviderEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
            ResourceConfig.BYTES.encode(w, peerId);
            w.u128(pricePerHour).u64(endOfRent);
        }
    }

    /** 1: {@code (resource: u64, owner: AccountId, price_per_hour: u128)}. */
    record ResourcePriceChanged(long resource, AccountId owner, BigInteger pricePerHour) implements ProviderEvent {
        public int eventIndex() {
            return 1;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
            w.u128(pricePerHour);
        }
    }

    /** 2: {@code (resource: u64, owner: AccountId, hours: u32, end_of_rent: u64)}. */
    record ResourceDurationAdded(long resource, AccountId owner, long hours, long endOfRent)
            implements ProviderEvent {
        public int eventIndex() {
            return 2;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
            w.u32(hours).u64(endOfRent);
        }
    }

    /** 3: the owner delisted it. {@code (resource: u64, owner: AccountId)}. */
    record ResourceRemoved(long resource, AccountId owner) implements ProviderEvent {
        public int eventIndex() {
            return 3;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
        }
    }

    /** 4: Offline -> Unused by the owner. {@code (resource: u64, owner: AccountId)}. */
    record ResourceRelisted(long resource, AccountId owner) implements ProviderEvent {
        public int eventIndex() {
            return 4;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
        }
    }

    /** 5: an order or lease moved the resource to {@code status}. {@code (resource: u64, status: ResourceStatus)}. */
    record ResourceStatusChanged(long resource, ResourceStatus status) implements ProviderEvent {
        public int eventIndex() {
            return 5;
        }

        public void encodeFields(ScaleWriter w) {
            ResourceStatus.CODEC.encode(w.u64(resource), status);
        }
    }

    /** 6: the listing reached its end of rent and was removed. {@code (resource: u64, owner: AccountId)}. */
    record ResourceExpired(long resource, AccountId owner) implements ProviderEvent {
        public int eventIndex() {
            return 6;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
        }
    }

    /** 7: Unused -> Offline by the owner (no fault recorded). {@code (resource: u64, owner: AccountId)}. */
    record ResourceOffline(long resource, AccountId owner) implements ProviderEvent {
        public int eventIndex() {
            return 7;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w.u64(resource), owner);
        }
    }

    /** Decodes the fields of event {@code index} (for watchers and to skip events). */
    static ProviderEvent decode(int index, ScaleReader r) {
        return switch (index) {
            case 0 -> new ResourceRegistered(r.u64(), AccountId.CODEC.decode(r), ResourceConfig.BYTES.decode(r),
                    r.u128(), r.u64());
            case 1 -> new ResourcePriceChanged(r.u64(), AccountId.CODEC.decode(r), r.u128());
            case 2 -> new ResourceDurationAdded(r.u64(), AccountId.CODEC.decode(r), r.u32(), r.u64());
            case 3 -> new ResourceRemoved(r.u64(), AccountId.CODEC.decode(r));
            case 4 -> new ResourceRelisted(r.u64(), AccountId.CODEC.decode(r));
            case 5 -> new ResourceStatusChanged(r.u64(), ResourceStatus.CODEC.decode(r));
            case 6 -> new ResourceExpired(r.u64(), AccountId.CODEC.decode(r));
            case 7 -> new ResourceOffline(r.u64(), AccountId.CODEC.decode(r));
            default -> throw new ScaleException("unknown Provider event " + index);
        };
    }
}

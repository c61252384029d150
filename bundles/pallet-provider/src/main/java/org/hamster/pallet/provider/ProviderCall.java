package org.hamster.pallet.provider;

import java.math.BigInteger;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;

/** Provider pallet calls with their call indices and SCALE argument layouts. All are signed by the owner. */
public sealed interface ProviderCall extends Call {
    /**
     * 0: lists a machine. Args {@code (peer_id: Vec<u8>, cpu: u64, memory: u64, disk: u64, system: Vec<u8>,
     * cpu_model: Vec<u8>, price_per_hour: Compact<u128>, rentable_hours: u32, gpu: Option<Vec<u8>>,
     * region: Option<Vec<u8>>)}; memory and disk in GiB; gpu and region null when absent.
     */
    record RegisterResource(Bytes peerId, long cpu, long memoryGiB, long diskGiB, Bytes system, Bytes cpuModel,
            BigInteger pricePerHour, long rentableHours, Bytes gpu, Bytes region) implements ProviderCall {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            ResourceConfig.BYTES.encode(w, peerId);
            w.u64(cpu).u64(memoryGiB).u64(diskGiB);
            ResourceConfig.BYTES.encode(w, system);
            ResourceConfig.BYTES.encode(w, cpuModel);
            w.compact(pricePerHour).u32(rentableHours);
            ResourceConfig.OPTIONAL_BYTES.encode(w, gpu);
            ResourceConfig.OPTIONAL_BYTES.encode(w, region);
        }
    }

    /** 1: sets the price of future orders and renewals. Args {@code (resource: u64, price_per_hour: Compact<u128>)}. */
    record ModifyResourcePrice(long resource, BigInteger pricePerHour) implements ProviderCall {
        public int callIndex() {
            return 1;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(resource).compact(pricePerHour);
        }
    }

    /** 2: moves the end of rent {@code hours} later. Args {@code (resource: u64, hours: u32)}. */
    record AddResourceDuration(long resource, long hours) implements ProviderCall {
        public int callIndex() {
            return 2;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(resource).u32(hours);
        }
    }

    /** 3: delists an Unused or Offline resource. Args {@code (resource: u64)}. */
    record RemoveResource(long resource) implements ProviderCall {
        public int callIndex() {
            return 3;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(resource);
        }
    }

    /** 4: Offline -> Unused (after a fault was fixed, or an offline). Args {@code (resource: u64)}. */
    record Relist(long resource) implements ProviderCall {
        public int callIndex() {
            return 4;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(resource);
        }
    }

    /**
     * 5: Unused -> Offline: the owner takes its machine off the market (no fault recorded); relist brings it back.
     * Args {@code (resource: u64)}.
     */
    record Offline(long resource) implements ProviderCall {
        public int callIndex() {
            return 5;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(resource);
        }
    }

    /** Decodes the arguments of call {@code index}; ScaleException for an unknown index or malformed input. */
    static ProviderCall decode(int index, ScaleReader r) {
        return switch (index) {
            case 0 -> new RegisterResource(ResourceConfig.BYTES.decode(r), r.u64(), r.u64(), r.u64(),
                    ResourceConfig.BYTES.decode(r), ResourceConfig.BYTES.decode(r), r.compactU128(), r.u32(),
                    ResourceConfig.OPTIONAL_BYTES.decode(r), ResourceConfig.OPTIONAL_BYTES.decode(r));
            case 1 -> new ModifyResourcePrice(r.u64(), r.compactU128());
            case 2 -> new AddResourceDuration(r.u64(), r.u32());
            case 3 -> new RemoveResource(r.u64());
            case 4 -> new Relist(r.u64());
            case 5 -> new Offline(r.u64());
            default -> throw new org.hamster.codec.ScaleException("unknown Provider call " + index);
        };
    }
}

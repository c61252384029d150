package org.hamster.pallet.provider;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.common.Bytes;

/**
 * What a resource offers: vCPUs, memory and disk in GiB, operating system and CPU model (UTF-8 text as
 * {@code Vec<u8>}), and optionally a GPU model and a region. {@code gpu} and {@code region} are null when absent
 * (SCALE {@code Option<Vec<u8>>}).
 */
public record ResourceConfig(long cpu, long memoryGiB, long diskGiB, Bytes system, Bytes cpuModel, Bytes gpu,
        Bytes region) {
    public static final Codec<Bytes> BYTES = Codecs.of((w, b) -> w.vecBytes(b.unsafeArray()),
            r -> Bytes.wrap(r.vecBytes()));
    public static final Codec<Bytes> OPTIONAL_BYTES = Codecs.option(BYTES);
    public static final Codec<ResourceConfig> CODEC = Codecs.of((w, c) -> {
        w.u64(c.cpu).u64(c.memoryGiB).u64(c.diskGiB);
        BYTES.encode(w, c.system);
        BYTES.encode(w, c.cpuModel);
        OPTIONAL_BYTES.encode(w, c.gpu);
        OPTIONAL_BYTES.encode(w, c.region);
    }, r -> new ResourceConfig(r.u64(), r.u64(), r.u64(), BYTES.decode(r), BYTES.decode(r),
            OPTIONAL_BYTES.decode(r), OPTIONAL_BYTES.decode(r)));
}

package org.hamster.metadata;

import org.hamster.metadata.internal.MetadataCodec;

/** Parses Metadata V14 bytes (as {@code state_getMetadata} returns them, without the OpaqueMetadata prefix). */
public final class MetadataV14Reader {
    private MetadataV14Reader() {
    }

    /** Throws {@link org.hamster.codec.ScaleException} for bytes that are not exactly one V14 metadata. */
    public static MetadataV14 read(byte[] bytes) {
        return MetadataCodec.decode(bytes);
    }
}

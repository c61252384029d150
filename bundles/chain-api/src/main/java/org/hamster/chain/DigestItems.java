package org.hamster.chain;

import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** Substrate DigestItem framing: we keep items as raw encodings and only validate their shape. */
public final class DigestItems {
    public static final int OTHER = 0;
    public static final int CONSENSUS = 4;
    public static final int SEAL = 5;
    public static final int PRE_RUNTIME = 6;
    public static final int RUNTIME_ENVIRONMENT_UPDATED = 8;

    private DigestItems() {
    }

    /** A PreRuntime item: 4-byte engine id plus opaque data. */
    public static byte[] preRuntime(byte[] engine, byte[] data) {
        return new ScaleWriter().u8(PRE_RUNTIME).bytes(engine).vecBytes(data).toByteArray();
    }

    static byte[] readRaw(ScaleReader r) {
        int start = r.position();
        int kind = r.u8();
        switch (kind) {
            case OTHER -> r.vecBytes();
            case CONSENSUS, SEAL, PRE_RUNTIME -> {
                r.bytes(4);
                r.vecBytes();
            }
            case RUNTIME_ENVIRONMENT_UPDATED -> { }
            default -> throw new ScaleException("unknown digest item kind " + kind);
        }
        return r.copyRange(start, r.position() - start);
    }
}

package org.hamster.p2p.internal.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.hamster.p2p.internal.Varint;

/**
 * Hand-written protobuf encoding for the few small libp2p messages (keys, Noise payload, identify). Callers
 * write fields in field-number order, which makes the output the canonical encoding the peer-id spec asks for.
 */
public final class ProtoWriter {
    static final int VARINT = 0;
    static final int LENGTH_DELIMITED = 2;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        writeVarint(value);
        return this;
    }

    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    private void writeVarint(long value) {
        out.writeBytes(Varint.encode(value));
    }
}

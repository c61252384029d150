package org.hamster.p2p.internal.proto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.hamster.p2p.internal.ByteReader;
import org.hamster.p2p.internal.WireException;

/**
 * Reads protobuf fields one by one: {@link #next()}, then {@link #field()} and one of the value readers, or
 * {@link #skip()} for fields the caller does not know. Groups and malformed input throw {@link WireException}.
 */
public final class ProtoReader {
    private static final int FIXED64 = 1;
    private static final int FIXED32 = 5;
    private final ByteReader in;
    private int field;
    private int wireType;

    public ProtoReader(byte[] message) {
        this.in = new ByteReader(message);
    }

    /** Moves to the next field; false at the end of the message. */
    public boolean next() {
        if (!in.hasRemaining()) {
            return false;
        }
        long tag = in.readVarint();
        field = (int) Math.min(tag >>> 3, Integer.MAX_VALUE);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw new WireException("protobuf field number 0");
        }
        if (wireType != ProtoWriter.VARINT && wireType != ProtoWriter.LENGTH_DELIMITED && wireType != FIXED64
                && wireType != FIXED32) {
            throw new WireException("unsupported protobuf wire type " + wireType);
        }
        return true;
    }

    public int field() {
        return field;
    }

    public long varint() {
        expect(ProtoWriter.VARINT);
        return in.readVarint();
    }

    /** A length-delimited value of at most {@code max} bytes. */
    public byte[] bytes(int max) {
        expect(ProtoWriter.LENGTH_DELIMITED);
        return in.readBytes(in.readVarint(max));
    }

    /** A UTF-8 string of at most {@code max} bytes; invalid UTF-8 throws. */
    public String string(int max) {
        byte[] raw = bytes(max);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new WireException("protobuf string field " + field + " is not UTF-8");
        }
    }

    public void skip() {
        switch (wireType) {
            case ProtoWriter.VARINT -> in.readVarint();
            case ProtoWriter.LENGTH_DELIMITED -> in.skip(in.readVarint());
            case FIXED64 -> in.skip(8);
            default -> in.skip(4);
        }
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new WireException("protobuf field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }
}

package org.hamster.p2p.internal;

import org.hamster.p2p.internal.proto.ProtoReader;
import org.hamster.p2p.internal.proto.ProtoWriter;

/** The libp2p key protobufs of the peer-id spec: {@code PublicKey/PrivateKey { KeyType Type = 1; bytes Data = 2; }}. */
public final class KeyProtobuf {
    public static final int RSA = 0;
    public static final int ED25519 = 1;
    public static final int SECP256K1 = 2;
    public static final int ECDSA = 3;
    /** Far above any real key (RSA 8192 DER is about 1.1 KB). */
    private static final int MAX_KEY_DATA = 8192;

    /** A decoded key message: its type and its type-specific data. */
    public record Key(int type, byte[] data) {
    }

    private KeyProtobuf() {
    }

    public static byte[] encode(int type, byte[] data) {
        return new ProtoWriter().varint(1, type).bytes(2, data).toByteArray();
    }

    /** Both fields are required; unknown fields and key types are refused. */
    public static Key decode(byte[] message) {
        ProtoReader r = new ProtoReader(message);
        long type = -1;
        byte[] data = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> type = r.varint();
                case 2 -> data = r.bytes(MAX_KEY_DATA);
                default -> throw new WireException("unknown field " + r.field() + " in a key protobuf");
            }
        }
        if (type < RSA || type > ECDSA || data == null) {
            throw new WireException("a key protobuf needs a known Type and Data");
        }
        return new Key((int) type, data);
    }
}

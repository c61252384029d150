package org.hamster.p2p;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Base58;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.internal.Base32;
import org.hamster.p2p.internal.ByteReader;
import org.hamster.p2p.internal.KeyProtobuf;
import org.hamster.p2p.internal.WireException;

/**
 * A libp2p peer id (peer-id spec): the multihash of the peer's protobuf-encoded public key, the identity
 * multihash when that encoding has at most 42 bytes (Ed25519: {@code 12D3KooW...}), sha2-256 otherwise (RSA:
 * {@code Qm...}). Printed in base58btc; {@link #parse} also accepts the CIDv1 text form ({@code bafz...}).
 */
public final class PeerId implements Comparable<PeerId> {
    private static final int IDENTITY = 0x00;
    private static final int SHA2_256 = 0x12;
    private static final int MAX_INLINE_KEY = 42;
    private static final int CID_V1 = 0x01;
    private static final int LIBP2P_KEY = 0x72;
    private static final int MAX_TEXT = 128;
    private final byte[] multihash;
    private final String text;

    private PeerId(byte[] multihash) {
        this.multihash = multihash;
        this.text = Base58.encode(multihash);
    }

    /** The peer id of a 32-byte Ed25519 public key. */
    public static PeerId fromEd25519PublicKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        return fromPublicKeyProtobuf(KeyProtobuf.encode(KeyProtobuf.ED25519, publicKey));
    }

    /** The peer id of a public key in its protobuf encoding (the bytes identify and Noise carry). */
    public static PeerId fromPublicKeyProtobuf(byte[] encoded) {
        byte[] mh;
        if (encoded.length <= MAX_INLINE_KEY) {
            mh = new byte[2 + encoded.length];
            mh[0] = IDENTITY;
            mh[1] = (byte) encoded.length;
            System.arraycopy(encoded, 0, mh, 2, encoded.length);
        } else {
            mh = new byte[34];
            mh[0] = SHA2_256;
            mh[1] = 32;
            System.arraycopy(sha256(encoded), 0, mh, 2, 32);
        }
        return new PeerId(mh);
    }

    /** Validates the binary form, a multihash (as in the {@code /p2p} component of a binary multiaddr). */
    public static PeerId fromBytes(byte[] multihash) throws HamsterException {
        try {
            validate(multihash);
        } catch (WireException e) {
            throw invalid(Base58.encode(multihash), e.getMessage());
        }
        return new PeerId(multihash.clone());
    }

    /** Parses the base58btc text ({@code 12D3KooW...}, {@code Qm...}) or a base32 CIDv1 ({@code bafz...}). */
    public static PeerId parse(String text) throws HamsterException {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw invalid(String.valueOf(text), "must be 1.." + MAX_TEXT + " characters");
        }
        try {
            byte[] mh;
            if (text.startsWith("1") || text.startsWith("Qm")) {
                mh = Base58.decode(text);
                if (!Base58.encode(mh).equals(text)) {
                    throw new WireException("is not canonical base58btc");
                }
            } else if (text.startsWith("b")) {
                mh = multihashOfCid(Base32.decode(text.substring(1)));
            } else if (text.startsWith("z")) {
                mh = multihashOfCid(Base58.decode(text.substring(1)));
            } else {
                throw new WireException("is neither a base58btc multihash nor a CIDv1");
            }
            validate(mh);
            return new PeerId(mh);
        } catch (WireException e) {
            throw invalid(text, e.getMessage());
        } catch (HamsterException e) {
            throw invalid(text, e.getMessage());
        }
    }

    /** The multihash bytes. */
    public byte[] toBytes() {
        return multihash.clone();
    }

    public String toBase58() {
        return text;
    }

    /** The CIDv1 text form: multibase base32 of {@code <cidv1><libp2p-key><multihash>}. */
    public String toCid() {
        byte[] cid = new byte[2 + multihash.length];
        cid[0] = CID_V1;
        cid[1] = LIBP2P_KEY;
        System.arraycopy(multihash, 0, cid, 2, multihash.length);
        return "b" + Base32.encode(cid);
    }

    /** The Ed25519 public key inlined in an identity multihash; empty for hashed (RSA) or other key types. */
    public Optional<byte[]> ed25519PublicKey() {
        if (multihash[0] != IDENTITY) {
            return Optional.empty();
        }
        KeyProtobuf.Key key = KeyProtobuf.decode(Arrays.copyOfRange(multihash, 2, multihash.length));
        return key.type() == KeyProtobuf.ED25519 ? Optional.of(key.data()) : Optional.empty();
    }

    @Override
    public int compareTo(PeerId o) {
        return Arrays.compareUnsigned(multihash, o.multihash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(multihash, p.multihash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(multihash);
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] multihashOfCid(byte[] cid) {
        ByteReader r = new ByteReader(cid);
        if (r.readVarint() != CID_V1 || r.readVarint() != LIBP2P_KEY) {
            throw new WireException("is not a CIDv1 of a libp2p-key");
        }
        return r.readBytes(r.remaining());
    }

    private static void validate(byte[] mh) {
        ByteReader r = new ByteReader(mh);
        long code = r.readVarint();
        int length = r.readVarint(Integer.MAX_VALUE);
        if (length != r.remaining()) {
            throw new WireException("has a multihash length that does not match its digest");
        }
        if (code == SHA2_256) {
            if (length != 32) {
                throw new WireException("has a sha2-256 digest that is not 32 bytes");
            }
        } else if (code == IDENTITY) {
            if (length > MAX_INLINE_KEY) {
                throw new WireException("inlines a key longer than " + MAX_INLINE_KEY + " bytes");
            }
            KeyProtobuf.Key key = KeyProtobuf.decode(r.readBytes(length));
            if (key.type() == KeyProtobuf.ED25519 && !Ed25519.verifyingKey(key.data()).isValid()) {
                throw new WireException("holds an Ed25519 key that is not a curve point");
            }
        } else {
            throw new WireException("is neither an identity nor a sha2-256 multihash (code 0x"
                    + Long.toHexString(code) + ")");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static HamsterException invalid(String text, String problem) {
        return new HamsterException(ErrorCode.INVALID_INPUT, "peer id " + text + " " + problem);
    }
}

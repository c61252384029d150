package org.hamster.p2p;

import java.util.Arrays;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.internal.KeyProtobuf;
import org.hamster.p2p.internal.WireException;

/**
 * A node's libp2p identity: an Ed25519 key pair and the peer id of its public key. The private key never
 * appears in {@link #toString()}.
 */
public final class Identity {
    private final Ed25519.KeyPair keyPair;
    private final PeerId peerId;
    private final byte[] publicKeyProtobuf;

    private Identity(Ed25519.KeyPair keyPair) {
        this.keyPair = keyPair;
        this.publicKeyProtobuf = KeyProtobuf.encode(KeyProtobuf.ED25519, keyPair.publicKey());
        this.peerId = PeerId.fromPublicKeyProtobuf(publicKeyProtobuf);
    }

    public static Identity generate() {
        return new Identity(Ed25519.generate());
    }

    /** The identity of a 32-byte Ed25519 seed. */
    public static Identity fromSeed(byte[] seed) {
        return new Identity(Ed25519.fromSeed(seed));
    }

    public static Identity fromKeyPair(Ed25519.KeyPair keyPair) {
        return new Identity(keyPair);
    }

    /**
     * Reads a libp2p {@code PrivateKey} protobuf of type Ed25519 as go-libp2p and js-libp2p store it: Data is the
     * 64-byte seed + public key (or the legacy 96 bytes with the public key twice); the public key must match.
     */
    public static Identity fromPrivateKeyProtobuf(byte[] encoded) throws HamsterException {
        KeyProtobuf.Key key;
        try {
            key = KeyProtobuf.decode(encoded);
        } catch (WireException e) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "private key: " + e.getMessage());
        }
        byte[] d = key.data();
        if (key.type() != KeyProtobuf.ED25519 || (d.length != 64 && d.length != 96)) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "private key: only Ed25519 keys of 64 (or 96) bytes");
        }
        Ed25519.KeyPair pair = Ed25519.fromSeed(Arrays.copyOfRange(d, 0, 32));
        byte[] pub = pair.publicKey();
        if (!Arrays.equals(pub, 0, 32, d, 32, 64) || (d.length == 96 && !Arrays.equals(pub, 0, 32, d, 64, 96))) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "private key: the public key does not match the seed");
        }
        return new Identity(pair);
    }

    /** The libp2p {@code PrivateKey} protobuf: Type Ed25519, Data = seed + public key. */
    public byte[] toPrivateKeyProtobuf() {
        byte[] data = new byte[64];
        System.arraycopy(keyPair.seed(), 0, data, 0, 32);
        System.arraycopy(keyPair.publicKey(), 0, data, 32, 32);
        return KeyProtobuf.encode(KeyProtobuf.ED25519, data);
    }

    public PeerId peerId() {
        return peerId;
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return keyPair.publicKey();
    }

    /** The public key as a libp2p {@code PublicKey} protobuf (what identify and Noise send). */
    public byte[] publicKeyProtobuf() {
        return publicKeyProtobuf.clone();
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return keyPair.sign(message);
    }

    @Override
    public String toString() {
        return "Identity[" + peerId + "]";
    }
}

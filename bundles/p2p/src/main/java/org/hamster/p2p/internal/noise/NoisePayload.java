package org.hamster.p2p.internal.noise;

import java.nio.charset.StandardCharsets;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Identity;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.internal.KeyProtobuf;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.proto.ProtoReader;
import org.hamster.p2p.internal.proto.ProtoWriter;

/**
 * The libp2p handshake payload of Noise messages 2 and 3:
 * {@code NoiseHandshakePayload { bytes identity_key = 1; bytes identity_sig = 2; NoiseExtensions extensions = 4; }},
 * the identity key signing {@code "noise-libp2p-static-key:" || noise static public key}. Only Ed25519 identities
 * are accepted from remotes. Extensions are neither sent nor used.
 */
final class NoisePayload {
    static final byte[] SIGNATURE_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_KEY = 8192;
    private static final int MAX_SIG = 1024;
    private static final int MAX_EXTENSIONS = 4096;

    private NoisePayload() {
    }

    static byte[] create(Identity identity, byte[] staticPublicKey) {
        byte[] sig = identity.sign(signed(staticPublicKey));
        return new ProtoWriter().bytes(1, identity.publicKeyProtobuf()).bytes(2, sig).toByteArray();
    }

    /** Checks the payload against the remote's static key; returns the peer id it proves. */
    static PeerId verify(byte[] payload, byte[] remoteStaticKey) {
        byte[] key = null;
        byte[] sig = null;
        try {
            ProtoReader r = new ProtoReader(payload);
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> key = r.bytes(MAX_KEY);
                    case 2 -> sig = r.bytes(MAX_SIG);
                    case 4 -> r.bytes(MAX_EXTENSIONS);
                    default -> r.skip();
                }
            }
        } catch (WireException e) {
            throw failed("malformed handshake payload: " + e.getMessage());
        }
        if (key == null || sig == null) {
            throw failed("handshake payload lacks the identity key or signature");
        }
        KeyProtobuf.Key identity;
        try {
            identity = KeyProtobuf.decode(key);
        } catch (WireException e) {
            throw failed("bad identity key: " + e.getMessage());
        }
        if (identity.type() != KeyProtobuf.ED25519) {
            throw failed("identity key type " + identity.type() + " is not supported (Ed25519 only)");
        }
        if (!Ed25519.verify(identity.data(), signed(remoteStaticKey), sig)) {
            throw failed("the identity signature over the static key does not verify");
        }
        return PeerId.fromPublicKeyProtobuf(KeyProtobuf.encode(KeyProtobuf.ED25519, identity.data()));
    }

    private static byte[] signed(byte[] staticPublicKey) {
        byte[] msg = new byte[SIGNATURE_PREFIX.length + staticPublicKey.length];
        System.arraycopy(SIGNATURE_PREFIX, 0, msg, 0, SIGNATURE_PREFIX.length);
        System.arraycopy(staticPublicKey, 0, msg, SIGNATURE_PREFIX.length, staticPublicKey.length);
        return msg;
    }

    private static WireException failed(String message) {
        return new WireException(P2pException.Reason.HANDSHAKE_FAILED, "noise: " + message);
    }
}

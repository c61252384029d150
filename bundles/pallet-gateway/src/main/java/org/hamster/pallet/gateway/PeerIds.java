package org.hamster.pallet.gateway;

import org.hamster.common.HamsterException;
import org.hamster.crypto.Base58;
import org.hamster.crypto.Ed25519;

/**
 * libp2p peer ids in their base58btc text form (peer-id spec): the multihash of the protobuf-encoded public key,
 * the identity multihash for keys of at most 42 bytes (Ed25519: {@code 12D3KooW...}) and sha2-256 otherwise
 * (RSA: {@code Qm...}). The chain accepts exactly these two shapes.
 */
public final class PeerIds {
    /** Longest accepted text: a 38-byte identity multihash is 52 characters, a sha2-256 one 46. */
    static final int MAX_TEXT = 64;
    private static final int IDENTITY = 0x00;
    private static final int SHA2_256 = 0x12;
    /** protobuf PublicKey { Type = Ed25519 (1), Data = 32 bytes }, canonical field order. */
    private static final byte[] ED25519_KEY_PREFIX = {0x08, 0x01, 0x12, 0x20};

    private PeerIds() {
    }

    /** The peer id of an Ed25519 public key (32 bytes), e.g. {@code 12D3KooW...}. */
    public static String ofEd25519(byte[] publicKey) {
        if (publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
        }
        byte[] mh = new byte[2 + ED25519_KEY_PREFIX.length + 32];
        mh[0] = IDENTITY;
        mh[1] = (byte) (ED25519_KEY_PREFIX.length + 32);
        System.arraycopy(ED25519_KEY_PREFIX, 0, mh, 2, ED25519_KEY_PREFIX.length);
        System.arraycopy(publicKey, 0, mh, 2 + ED25519_KEY_PREFIX.length, 32);
        return Base58.encode(mh);
    }

    /** Checks a peer id's text; InvalidPeerId naming the problem otherwise. */
    public static void check(String text) throws InvalidGatewayAddress {
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw invalid(text, "must be 1.." + MAX_TEXT + " base58 characters");
        }
        byte[] mh;
        try {
            mh = Base58.decode(text);
        } catch (HamsterException e) {
            throw invalid(text, e.getMessage());
        }
        if (!Base58.encode(mh).equals(text)) {
            throw invalid(text, "is not in canonical base58btc form");
        }
        if (mh.length < 2) {
            throw invalid(text, "is too short for a multihash");
        }
        int code = mh[0] & 0xff;
        int length = mh[1] & 0xff;
        if (length > 0x7f || length != mh.length - 2) {
            throw invalid(text, "has a multihash length that does not match its digest");
        }
        if (code == SHA2_256) {
            if (length != 32) {
                throw invalid(text, "has a sha2-256 multihash that is not 32 bytes");
            }
        } else if (code == IDENTITY) {
            checkEd25519(text, mh);
        } else {
            throw invalid(text, "is neither an identity nor a sha2-256 multihash (code 0x"
                    + Integer.toHexString(code) + ")");
        }
    }

    private static void checkEd25519(String text, byte[] mh) throws InvalidGatewayAddress {
        if (mh.length != 2 + ED25519_KEY_PREFIX.length + 32) {
            throw invalid(text, "is an identity multihash but not of an Ed25519 public key");
        }
        for (int i = 0; i < ED25519_KEY_PREFIX.length; i++) {
            if (mh[2 + i] != ED25519_KEY_PREFIX[i]) {
                throw invalid(text, "is an identity multihash but not of an Ed25519 public key");
            }
        }
        byte[] key = java.util.Arrays.copyOfRange(mh, 2 + ED25519_KEY_PREFIX.length, mh.length);
        if (!Ed25519.verifyingKey(key).isValid()) {
            throw invalid(text, "holds an Ed25519 public key that is not a curve point");
        }
    }

    private static InvalidGatewayAddress invalid(String text, String problem) {
        return new InvalidGatewayAddress(GatewayError.InvalidPeerId,
                "peer id " + InvalidGatewayAddress.quote(text) + " " + problem);
    }
}

package org.hamster.pallet.provider.internal;

import java.nio.charset.StandardCharsets;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Base58;

/**
 * Checks the text form of a libp2p peer id (peer-ids spec): base58btc of a multihash, either sha2-256 (code 0x12,
 * 32 bytes, "Qm...") of a public key, or identity (code 0x00) inlining a protobuf PublicKey of at most 42 bytes —
 * {@code 08 <KeyType> 12 <len> <key>} with an Ed25519 (32 bytes, "12D3KooW...") or Secp256k1 (33 bytes) key.
 * CIDv1 peer ids (multibase) are not accepted.
 */
final class PeerIds {
    private static final int SHA2_256 = 0x12;
    private static final int IDENTITY = 0x00;
    private static final int MAX_INLINE_KEY = 42;
    private static final int ED25519 = 1;
    private static final int SECP256K1 = 2;

    private PeerIds() {
    }

    static boolean valid(byte[] text, int maxLength) {
        if (text.length == 0 || text.length > maxLength) {
            return false;
        }
        byte[] mh;
        try {
            mh = Base58.decode(new String(text, StandardCharsets.ISO_8859_1));
        } catch (HamsterException e) {
            return false;
        }
        if (mh.length < 2 || (mh[1] & 0x80) != 0) {
            return false;
        }
        int code = mh[0] & 0xff;
        int length = mh[1] & 0xff;
        if (mh.length != 2 + length) {
            return false;
        }
        if (code == SHA2_256) {
            return length == 32;
        }
        return code == IDENTITY && length <= MAX_INLINE_KEY && inlineKey(mh, 2, length);
    }

    /** A protobuf PublicKey {Type = 1 (varint), Data = 2 (bytes)} with a key type that fits inline. */
    private static boolean inlineKey(byte[] b, int off, int len) {
        if (len < 4 || b[off] != 0x08 || b[off + 2] != 0x12) {
            return false;
        }
        int type = b[off + 1];
        int keyLength = b[off + 3];
        if (keyLength != len - 4) {
            return false;
        }
        return (type == ED25519 && keyLength == 32) || (type == SECP256K1 && keyLength == 33);
    }
}

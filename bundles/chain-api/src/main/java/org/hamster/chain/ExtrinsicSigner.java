package org.hamster.chain;

import java.math.BigInteger;
import org.hamster.crypto.Ed25519;

/** Signs a call into an opaque v4 extrinsic, exactly as the runtime checks it. */
public final class ExtrinsicSigner {
    private ExtrinsicSigner() {
    }

    /**
     * @param era      mortality; for a mortal era {@code eraHash} is the hash of its birth block, for an
     *                 immortal one the genesis hash
     */
    public static byte[] sign(Ed25519.KeyPair key, byte[] call, long nonce, BigInteger tip, Era era,
            RuntimeVersion version, H256 genesis, H256 eraHash) {
        byte[] payload = SignedPayload.of(call, era, nonce, tip, version.specVersion(), version.transactionVersion(),
                genesis, eraHash);
        return Extrinsic.signed(AccountId.of(key.publicKey()), key.sign(payload), era, nonce, tip, call);
    }
}

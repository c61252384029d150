package org.hamster.chain;

import java.math.BigInteger;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.Blake2b;

/** The bytes a signer signs: call, extra and additional-signed data; hashed when longer than 256 bytes. */
public final class SignedPayload {
    private SignedPayload() {
    }

    public static byte[] of(byte[] call, Era era, long nonce, BigInteger tip, long specVersion, long txVersion,
            H256 genesis, H256 eraBlock) {
        ScaleWriter w = new ScaleWriter(call.length + 120).bytes(call);
        Era.CODEC.encode(w, era);
        w.compact(nonce).compact(tip).u32(specVersion).u32(txVersion);
        H256.CODEC.encode(w, genesis);
        H256.CODEC.encode(w, eraBlock);
        byte[] payload = w.toByteArray();
        return payload.length > 256 ? Blake2b.hash256(payload) : payload;
    }
}

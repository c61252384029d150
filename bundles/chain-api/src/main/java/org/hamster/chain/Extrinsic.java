package org.hamster.chain;

import java.math.BigInteger;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.Blake2b;

/**
 * An UncheckedExtrinsic of format v4: unsigned (inherents) or signed by an Ed25519 MultiAddress::Id with
 * MultiSignature::Ed25519 and the extra data (era, nonce, tip) of our signed extensions.
 * {@code encoded} is the full opaque form including its compact length prefix, as in blocks and RPC.
 */
public record Extrinsic(AccountId signer, byte[] signature, Era era, long nonce, BigInteger tip, byte[] call,
        byte[] encoded) {
    public static final int VERSION = 4;
    private static final int MULTI_ADDRESS_ID = 0;
    private static final int MULTI_SIGNATURE_ED25519 = 0;

    public boolean signed() {
        return signer != null;
    }

    public H256 hash() {
        return H256.of(Blake2b.hash256(encoded));
    }

    /** Decodes an opaque extrinsic (compact length prefix first); throws ScaleException on malformed input. */
    public static Extrinsic decode(byte[] opaque) {
        ScaleReader r = new ScaleReader(opaque);
        int len = r.compactLength();
        if (len != r.remaining()) {
            throw new ScaleException("extrinsic length prefix " + len + " does not match " + r.remaining() + " bytes");
        }
        int version = r.u8();
        if ((version & 0x7f) != VERSION) {
            throw new ScaleException("unsupported extrinsic version " + (version & 0x7f));
        }
        if ((version & 0x80) == 0) {
            byte[] call = r.bytes(r.remaining());
            return new Extrinsic(null, null, Era.IMMORTAL, 0, BigInteger.ZERO, call, opaque);
        }
        if (r.u8() != MULTI_ADDRESS_ID) {
            throw new ScaleException("only MultiAddress::Id signers are supported");
        }
        AccountId signer = AccountId.CODEC.decode(r);
        if (r.u8() != MULTI_SIGNATURE_ED25519) {
            throw new ScaleException("only Ed25519 signatures are supported");
        }
        byte[] signature = r.bytes(64);
        Era era = Era.CODEC.decode(r);
        long nonce = r.compactLong();
        if (nonce > 0xffffffffL) {
            throw new ScaleException("nonce exceeds u32");
        }
        BigInteger tip = r.compactU128();
        byte[] call = r.bytes(r.remaining());
        if (call.length < 2) {
            throw new ScaleException("extrinsic has no call");
        }
        return new Extrinsic(signer, signature, era, nonce, tip, call, opaque);
    }

    /** An unsigned extrinsic (used for inherents such as timestamp.set). */
    public static byte[] unsigned(byte[] call) {
        byte[] body = new ScaleWriter(call.length + 1).u8(VERSION).bytes(call).toByteArray();
        return new ScaleWriter(body.length + 5).vecBytes(body).toByteArray();
    }

    /** Assembles a signed extrinsic from its parts. */
    public static byte[] signed(AccountId signer, byte[] signature, Era era, long nonce, BigInteger tip, byte[] call) {
        ScaleWriter body = new ScaleWriter(call.length + 140).u8(0x80 | VERSION).u8(MULTI_ADDRESS_ID);
        AccountId.CODEC.encode(body, signer);
        body.u8(MULTI_SIGNATURE_ED25519).bytes(signature);
        Era.CODEC.encode(body, era);
        body.compact(nonce).compact(tip).bytes(call);
        byte[] b = body.toByteArray();
        return new ScaleWriter(b.length + 5).vecBytes(b).toByteArray();
    }
}

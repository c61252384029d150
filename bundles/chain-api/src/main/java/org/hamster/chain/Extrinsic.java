package org.hamster.chain;

import java.math.BigInteger;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.Blake2b;

/**
 * An UncheckedExtrinsic of format v4: unsigned (inherents) or signed by a MultiAddress::Id with a MultiSignature
 * and the extra data (era, nonce, tip) of our signed extensions. Any MultiSignature variant decodes (wallets
 * estimate fees with a dummy Sr25519 signature); only Ed25519 ones can be valid, which the runtime checks.
 * {@code encoded} is the full opaque form including its compact length prefix, as in blocks and RPC.
 */
public record Extrinsic(AccountId signer, SignatureType signatureType, byte[] signature, Era era, long nonce,
        BigInteger tip, byte[] call, byte[] encoded) {
    public static final int VERSION = 4;
    private static final int MULTI_ADDRESS_ID = 0;

    /** The variants of {@code sp_runtime::MultiSignature}, at their index, with their signature length. */
    public enum SignatureType {
        ED25519(64), SR25519(64), ECDSA(65);

        private final int length;

        SignatureType(int length) {
            this.length = length;
        }

        /** Signature length in bytes. */
        public int length() {
            return length;
        }

        /** The MultiSignature variant index. */
        public int index() {
            return ordinal();
        }

        static SignatureType of(int index) {
            SignatureType[] all = values();
            if (index >= all.length) {
                throw new ScaleException("unknown MultiSignature variant " + index);
            }
            return all[index];
        }
    }

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
            return new Extrinsic(null, null, null, Era.IMMORTAL, 0, BigInteger.ZERO, call, opaque);
        }
        if (r.u8() != MULTI_ADDRESS_ID) {
            throw new ScaleException("only MultiAddress::Id signers are supported");
        }
        AccountId signer = AccountId.CODEC.decode(r);
        SignatureType type = SignatureType.of(r.u8());
        byte[] signature = r.bytes(type.length());
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
        return new Extrinsic(signer, type, signature, era, nonce, tip, call, opaque);
    }

    /** An unsigned extrinsic (used for inherents such as timestamp.set). */
    public static byte[] unsigned(byte[] call) {
        byte[] body = new ScaleWriter(call.length + 1).u8(VERSION).bytes(call).toByteArray();
        return new ScaleWriter(body.length + 5).vecBytes(body).toByteArray();
    }

    /** Assembles an Ed25519-signed extrinsic from its parts. */
    public static byte[] signed(AccountId signer, byte[] signature, Era era, long nonce, BigInteger tip, byte[] call) {
        return signed(signer, SignatureType.ED25519, signature, era, nonce, tip, call);
    }

    /** Assembles a signed extrinsic with a signature of {@code type} (e.g. a wallet's dummy for fee estimates). */
    public static byte[] signed(AccountId signer, SignatureType type, byte[] signature, Era era, long nonce,
            BigInteger tip, byte[] call) {
        if (signature.length != type.length()) {
            throw new IllegalArgumentException(type + " signatures are " + type.length() + " bytes, not "
                    + signature.length);
        }
        ScaleWriter body = new ScaleWriter(call.length + 140).u8(0x80 | VERSION).u8(MULTI_ADDRESS_ID);
        AccountId.CODEC.encode(body, signer);
        body.u8(type.index()).bytes(signature);
        Era.CODEC.encode(body, era);
        body.compact(nonce).compact(tip).bytes(call);
        byte[] b = body.toByteArray();
        return new ScaleWriter(b.length + 5).vecBytes(b).toByteArray();
    }
}

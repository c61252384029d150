package org.hamster.forward;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;

/**
 * The signed opening of a forward stream: 160 bytes, {@code agreement u64 LE ++ tenant 32 ++ expiresAtMs u64 LE ++
 * genesis 32 ++ nonce 16 ++ signature 64}, where the signature is Ed25519 by the tenant over
 * {@value #CONTEXT} followed by the first 96 bytes. A request is good for one connection: the provider keeps
 * the nonces it saw until their expiry.
 *
 * @param agreement the rental agreement whose machine to reach
 * @param tenant the agreement's tenant, who signs
 * @param expiresAtMs the request is refused after this wall-clock time (ms since the epoch); keep it short
 * @param genesis the chain's genesis hash, so a request for one chain is useless on another
 * @param nonce 16 random bytes
 */
public record ForwardRequest(long agreement, AccountId tenant, long expiresAtMs, H256 genesis, byte[] nonce) {
    public static final String PROTOCOL = "/hamster/forward/1.0.0";
    public static final String CONTEXT = "hamster/forward/1:";
    public static final int BODY_LENGTH = 8 + 32 + 8 + 32 + 16;
    public static final int LENGTH = BODY_LENGTH + Ed25519.SIGNATURE_LENGTH;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ForwardRequest {
        if (nonce == null || nonce.length != 16) {
            throw new IllegalArgumentException("a forward request nonce has 16 bytes");
        }
        nonce = nonce.clone();
    }

    /** A fresh request valid for {@code validMs} from now. */
    public static ForwardRequest create(long agreement, AccountId tenant, H256 genesis, long validMs) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new ForwardRequest(agreement, tenant, System.currentTimeMillis() + validMs, genesis, nonce);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** Hex of the nonce, for replay bookkeeping. */
    public String nonceHex() {
        return HexFormat.of().formatHex(nonce);
    }

    private byte[] body() {
        return ByteBuffer.allocate(BODY_LENGTH).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(agreement)
                .put(tenant.publicKey()).putLong(expiresAtMs).put(genesis.toArray()).put(nonce).array();
    }

    private static byte[] signed(byte[] body) {
        byte[] context = CONTEXT.getBytes(StandardCharsets.US_ASCII);
        byte[] m = Arrays.copyOf(context, context.length + body.length);
        System.arraycopy(body, 0, m, context.length, body.length);
        return m;
    }

    /** The 160 bytes to send, signed with the tenant's key (which must be {@link #tenant()}'s). */
    public byte[] sign(Ed25519.KeyPair key) {
        if (!Arrays.equals(key.publicKey(), tenant.publicKey())) {
            throw new IllegalArgumentException("the request must be signed by its tenant " + tenant);
        }
        byte[] body = body();
        byte[] out = Arrays.copyOf(body, LENGTH);
        System.arraycopy(key.sign(signed(body)), 0, out, BODY_LENGTH, Ed25519.SIGNATURE_LENGTH);
        return out;
    }

    /**
     * Decodes 160 bytes and checks the signature against the tenant key they name; throws
     * IllegalArgumentException if they are not a request signed by that tenant. Expiry, genesis, agreement and
     * nonce are for the receiver to check.
     */
    public static ForwardRequest verify(byte[] message) {
        if (message == null || message.length != LENGTH) {
            throw new IllegalArgumentException("a forward request has " + LENGTH + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(message).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long agreement = b.getLong();
        byte[] tenant = new byte[32];
        b.get(tenant);
        long expires = b.getLong();
        byte[] genesis = new byte[32];
        b.get(genesis);
        byte[] nonce = new byte[16];
        b.get(nonce);
        byte[] sig = Arrays.copyOfRange(message, BODY_LENGTH, LENGTH);
        if (!Ed25519.verify(tenant, signed(Arrays.copyOf(message, BODY_LENGTH)), sig)) {
            throw new IllegalArgumentException("the forward request's signature does not verify");
        }
        return new ForwardRequest(agreement, AccountId.of(tenant), expires, H256.of(genesis), nonce);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardRequest r && r.agreement == agreement && r.tenant.equals(tenant)
                && r.expiresAtMs == expiresAtMs && r.genesis.equals(genesis) && Arrays.equals(r.nonce, nonce);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(agreement) * 31 + Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "ForwardRequest[agreement=" + agreement + ", tenant=" + tenant + ", expiresAtMs=" + expiresAtMs
                + ", nonce=" + nonceHex() + "]";
    }
}

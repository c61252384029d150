package org.hamster.forward;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The provider's one answer to a {@link ForwardRequest}: a status byte, a u16 big-endian length and that many bytes
 * of UTF-8 reason. After OK the stream carries the SSH connection; after anything else the provider closes it.
 */
public enum ForwardStatus {
    OK,
    /** Not 160 bytes, or the signature does not verify. */
    BAD_REQUEST,
    /** Past its expiry, or expiring too far ahead. */
    EXPIRED,
    /** A request with this nonce was already used. */
    REPLAYED,
    /** For another chain (genesis hash). */
    WRONG_CHAIN,
    /** No running agreement of this provider with that id, or the signer is not its tenant. */
    NOT_ALLOWED,
    /** The agreement runs but its machine cannot be reached now. */
    UNAVAILABLE;

    /** The answer's bytes. */
    public byte[] encode(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > 1024) {
            text = Arrays.copyOf(text, 1024);
        }
        byte[] out = new byte[3 + text.length];
        out[0] = (byte) ordinal();
        out[1] = (byte) (text.length >>> 8);
        out[2] = (byte) text.length;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    public static ForwardStatus of(int code) {
        ForwardStatus[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown forward status " + code);
        }
        return all[code];
    }
}

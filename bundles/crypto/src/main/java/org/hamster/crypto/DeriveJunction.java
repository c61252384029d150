package org.hamster.crypto;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.hamster.crypto.internal.Scale;

/**
 * One step of a Substrate derivation path: {@code //text} (hard) or {@code /text} (soft). Its 32-byte chain code
 * is the SCALE encoding of the junction (a u64 if the text is a decimal number, otherwise the string), zero-padded,
 * or its blake2b-256 hash when longer than 32 bytes.
 */
public record DeriveJunction(String text, boolean hard) {
    public static final int CHAIN_CODE_LENGTH = 32;
    /** What Rust's u64 parser accepts. */
    private static final Pattern DECIMAL = Pattern.compile("\\+?[0-9]+");

    public DeriveJunction {
        if (text == null || text.isEmpty() || text.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a junction is a non-empty text without '/'");
        }
    }

    public static DeriveJunction hard(String text) {
        return new DeriveJunction(text, true);
    }

    public static DeriveJunction soft(String text) {
        return new DeriveJunction(text, false);
    }

    public byte[] chainCode() {
        byte[] encoded = Scale.string(text);
        if (DECIMAL.matcher(text).matches()) {
            try {
                encoded = Scale.u64(Long.parseUnsignedLong(text));
            } catch (NumberFormatException aboveU64) {
                // stays a string, as in Substrate
            }
        }
        return encoded.length > CHAIN_CODE_LENGTH
                ? Blake2b.hash256(encoded)
                : Arrays.copyOf(encoded, CHAIN_CODE_LENGTH);
    }

    /** The junction as written in a secret URI. */
    @Override
    public String toString() {
        return (hard ? "//" : "/") + text;
    }
}

package org.hamster.crypto;

import java.util.Arrays;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/** Base58 with the Bitcoin alphabet, as used by SS58 addresses; leading zero bytes become leading '1's. */
public final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // base-58 digits, least significant first; log(256)/log(58) < 1.37
        byte[] digits = new byte[(data.length - zeros) * 137 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xFF;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xFF) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder sb = new StringBuilder(zeros + used);
        sb.append("1".repeat(zeros));
        for (int j = used - 1; j >= 0; j--) {
            sb.append(ALPHABET[digits[j]]);
        }
        return sb.toString();
    }

    /** Throws {@link ErrorCode#INVALID_INPUT} naming the first character outside the alphabet. */
    public static byte[] decode(String text) throws HamsterException {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        // base-256 digits, least significant first; log(58)/log(256) < 0.74
        byte[] bytes = new byte[(text.length() - zeros) * 74 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? INDEXES[c] : -1;
            if (carry < 0) {
                throw new HamsterException(ErrorCode.INVALID_INPUT,
                        "character '" + c + "' at position " + i + " is not in the base58 alphabet");
            }
            for (int j = 0; j < used; j++) {
                carry += (bytes[j] & 0xFF) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + used];
        for (int j = 0; j < used; j++) {
            out[zeros + j] = bytes[used - 1 - j];
        }
        return out;
    }
}

package org.hamster.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.StringJoiner;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.internal.Bip39Wordlist;

/** BIP39 mnemonics with the English wordlist: 12, 15, 18, 21 or 24 words for 16..32 bytes of entropy. */
public final class Mnemonic {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Mnemonic() {
    }

    /** A new random phrase of {@code words} words. */
    public static String generate(int words) {
        if (words < 12 || words > 24 || words % 3 != 0) {
            throw new IllegalArgumentException("a mnemonic has 12, 15, 18, 21 or 24 words, not " + words);
        }
        byte[] entropy = new byte[words / 3 * 4];
        RANDOM.nextBytes(entropy);
        return fromEntropy(entropy);
    }

    /** The phrase of 16, 20, 24, 28 or 32 bytes of entropy. */
    public static String fromEntropy(byte[] entropy) {
        int n = entropy.length;
        if (n < 16 || n > 32 || n % 4 != 0) {
            throw new IllegalArgumentException("mnemonic entropy has 16, 20, 24, 28 or 32 bytes, not " + n);
        }
        int checksumBits = n / 4;
        byte[] bits = new byte[n + 1];
        System.arraycopy(entropy, 0, bits, 0, n);
        bits[n] = sha256(entropy)[0];
        StringJoiner phrase = new StringJoiner(" ");
        int words = (n * 8 + checksumBits) / 11;
        for (int w = 0; w < words; w++) {
            int index = 0;
            for (int b = w * 11; b < w * 11 + 11; b++) {
                index = (index << 1) | ((bits[b >> 3] >> (7 - (b & 7))) & 1);
            }
            phrase.add(Bip39Wordlist.word(index));
        }
        return phrase.toString();
    }

    /** The entropy of a phrase whose words and checksum are valid; the message says what is wrong otherwise. */
    public static byte[] toEntropy(String phrase) throws HamsterException {
        if (phrase == null) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "no mnemonic given");
        }
        String[] words = phrase.trim().split("\\s+");
        if (words.length < 12 || words.length > 24 || words.length % 3 != 0) {
            throw new HamsterException(ErrorCode.INVALID_INPUT,
                    "a mnemonic has 12, 15, 18, 21 or 24 words, not " + (phrase.isBlank() ? 0 : words.length));
        }
        byte[] bits = new byte[(words.length * 11 + 7) / 8];
        for (int w = 0; w < words.length; w++) {
            int index = Bip39Wordlist.indexOf(words[w]);
            if (index < 0) {
                throw new HamsterException(ErrorCode.INVALID_INPUT,
                        "mnemonic word " + (w + 1) + " '" + words[w] + "' is not in the BIP39 English wordlist");
            }
            for (int i = 0; i < 11; i++) {
                if ((index & (1 << (10 - i))) != 0) {
                    int b = w * 11 + i;
                    bits[b >> 3] |= (byte) (0x80 >> (b & 7));
                }
            }
        }
        int n = words.length / 3 * 4;
        byte[] entropy = Arrays.copyOf(bits, n);
        int checksumBits = n / 4;
        int mask = (0xFF << (8 - checksumBits)) & 0xFF;
        if (((sha256(entropy)[0] ^ bits[n]) & mask) != 0) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "mnemonic checksum does not match");
        }
        return entropy;
    }

    public static boolean validate(String phrase) {
        try {
            toEntropy(phrase);
            return true;
        } catch (HamsterException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

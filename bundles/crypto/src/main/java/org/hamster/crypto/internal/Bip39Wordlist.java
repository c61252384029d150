package org.hamster.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The standard BIP39 English wordlist. The build unpacks it from a published jar next to this class; it is
 * checked against its well-known SHA-256 when this class loads, and a missing or altered list fails loudly.
 */
public final class Bip39Wordlist {
    public static final int SIZE = 2048;
    static final String RESOURCE = "english.txt";
    static final String SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";
    private static final String[] WORDS;
    private static final Map<String, Integer> INDEX = new HashMap<>(SIZE * 2);

    static {
        byte[] raw = load();
        String actual = sha256(raw);
        if (!SHA256.equals(actual)) {
            throw new IllegalStateException("BIP39 English wordlist has SHA-256 " + actual + ", expected " + SHA256);
        }
        WORDS = new String(raw, StandardCharsets.US_ASCII).split("\n");
        if (WORDS.length != SIZE) {
            throw new IllegalStateException("BIP39 English wordlist has " + WORDS.length + " words, expected " + SIZE);
        }
        for (int i = 0; i < SIZE; i++) {
            INDEX.put(WORDS[i], i);
        }
    }

    private Bip39Wordlist() {
    }

    public static String word(int index) {
        return WORDS[index];
    }

    /** The index of {@code word}, or -1 if it is not on the list. */
    public static int indexOf(String word) {
        Integer i = INDEX.get(word);
        return i == null ? -1 : i;
    }

    private static byte[] load() {
        try (InputStream in = Bip39Wordlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("BIP39 English wordlist " + RESOURCE + " is missing next to "
                        + Bip39Wordlist.class.getName() + " (the build unpacks it)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the BIP39 English wordlist", e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.hamster.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamster.common.HamsterException;

/** The well-known development accounts {@code //Alice} .. {@code //Ferdie}, derived from the dev phrase. */
public final class DevAccounts {
    public static final List<String> NAMES = List.of("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie");
    private static final Map<String, Ed25519.KeyPair> PAIRS = derive();

    private DevAccounts() {
    }

    /** The pair of a dev account, by name as in {@link #NAMES} (case-insensitive). */
    public static Ed25519.KeyPair pair(String name) {
        for (Map.Entry<String, Ed25519.KeyPair> e : PAIRS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("no dev account " + name + "; there are " + NAMES);
    }

    public static byte[] publicKey(String name) {
        return pair(name).publicKey();
    }

    public static String address(String name) {
        return pair(name).address();
    }

    /** All six pairs by name, in the order of {@link #NAMES}. */
    public static Map<String, Ed25519.KeyPair> all() {
        return PAIRS;
    }

    public static Ed25519.KeyPair alice() {
        return pair("Alice");
    }

    public static Ed25519.KeyPair bob() {
        return pair("Bob");
    }

    private static Map<String, Ed25519.KeyPair> derive() {
        Map<String, Ed25519.KeyPair> pairs = new LinkedHashMap<>();
        try {
            for (String name : NAMES) {
                pairs.put(name, KeyDerivation.pair("//" + name));
            }
        } catch (HamsterException e) {
            throw new IllegalStateException("cannot derive the dev accounts", e);
        }
        return Collections.unmodifiableMap(pairs);
    }
}

package org.hamster.chain.testkit;

import org.hamster.chain.AccountId;
import org.hamster.common.HamsterException;
import org.hamster.crypto.DevAccounts;
import org.hamster.crypto.KeyDerivation;

/** The dev accounts as Substrate derives them (//Alice ...), and throwaway accounts for tests. */
public final class TestAccounts {
    public static final AccountId ALICE = dev("Alice");
    public static final AccountId BOB = dev("Bob");
    public static final AccountId CHARLIE = dev("Charlie");
    public static final AccountId DAVE = dev("Dave");
    public static final AccountId EVE = dev("Eve");
    public static final AccountId FERDIE = dev("Ferdie");

    private TestAccounts() {
    }

    public static AccountId dev(String name) {
        return AccountId.of(DevAccounts.publicKey(name));
    }

    /** The account of a secret URI such as {@code //Fresh}. */
    public static AccountId derived(String uri) {
        try {
            return AccountId.of(KeyDerivation.pair(uri).publicKey());
        } catch (HamsterException e) {
            throw new IllegalArgumentException(uri + ": " + e.getMessage(), e);
        }
    }

    /** An account whose 32 key bytes all equal {@code n} (no key pair; enough for pallet logic). */
    public static AccountId numbered(int n) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) n);
        return AccountId.of(key);
    }
}

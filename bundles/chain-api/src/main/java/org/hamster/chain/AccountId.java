package org.hamster.chain;

import java.util.Arrays;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.hamster.crypto.Ss58;

/** A 32-byte Ed25519 public key used as an account; printed as SS58 (prefix 42). */
public final class AccountId implements Comparable<AccountId> {
    public static final Codec<AccountId> CODEC = Codecs.of((w, a) -> w.bytes(a.key), r -> new AccountId(r.bytes(32)));
    private final byte[] key;
    /** Cached {@link #hashCode()} (0: not computed yet); racy but idempotent, as String's. */
    private int hash;

    private AccountId(byte[] key) {
        this.key = key;
    }

    public static AccountId of(byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("account id must be 32 bytes, got " + publicKey.length);
        }
        return new AccountId(publicKey.clone());
    }

    /** Parses an SS58 address or a 0x-prefixed 32-byte hex public key. */
    public static AccountId parse(String text) throws HamsterException {
        String t = text.trim();
        if (t.startsWith("0x")) {
            try {
                return of(Hex.decode(t));
            } catch (IllegalArgumentException e) {
                throw new HamsterException(org.hamster.common.ErrorCode.INVALID_INPUT, "account " + t + ": " + e.getMessage());
            }
        }
        return new AccountId(Ss58.decode(t));
    }

    public byte[] publicKey() {
        return key.clone();
    }

    public String ss58() {
        return Ss58.encode(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountId a && Arrays.equals(key, a.key);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(key);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(AccountId o) {
        return Arrays.compareUnsigned(key, o.key);
    }

    @Override
    public String toString() {
        return ss58();
    }
}

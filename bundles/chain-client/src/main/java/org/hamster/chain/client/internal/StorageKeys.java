package org.hamster.chain.client.internal;

import java.nio.charset.StandardCharsets;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.Hasher;
import org.hamster.crypto.Twox;

/** The storage keys the client reads: twox128(pallet) ++ twox128(item) ++ hasher(key). */
public final class StorageKeys {
    /** System.Events. */
    public static final byte[] EVENTS = value("System", "Events");
    private static final byte[] ACCOUNT_PREFIX = value("System", "Account");

    private StorageKeys() {
    }

    public static byte[] value(String pallet, String item) {
        return concat(Twox.hash128(pallet.getBytes(StandardCharsets.UTF_8)),
                Twox.hash128(item.getBytes(StandardCharsets.UTF_8)));
    }

    /** System.Account, Blake2_128Concat of the account id. */
    public static byte[] account(AccountId who) {
        return concat(ACCOUNT_PREFIX, Hasher.BLAKE2_128_CONCAT.hash(who.publicKey()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

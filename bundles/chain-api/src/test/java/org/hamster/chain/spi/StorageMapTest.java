package org.hamster.chain.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.Codecs;
import org.hamster.crypto.Blake2b;
import org.hamster.crypto.Twox;
import org.junit.jupiter.api.Test;

/** Storage keys of account-keyed maps come from a cache: the same bytes, and callers get their own copy. */
class StorageMapTest {
    private static final StorageMap<AccountId, Long> MAP = new StorageMap<>("Test", "Accounts",
            Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, Codecs.U64);

    @Test
    void cachedAccountKeysAreTheHashedKeysAndCopiesOfThem() {
        byte[] pk = new byte[32];
        pk[0] = 5;
        AccountId who = AccountId.of(pk);
        byte[] expected = Hasher.concat(Hasher.concat(Twox.hash128(bytes("Test")), Twox.hash128(bytes("Accounts"))),
                Hasher.concat(Blake2b.hash128(pk), pk));
        byte[] first = MAP.key(who);
        assertArrayEquals(expected, first);
        first[0] ^= 1;
        byte[] second = MAP.key(AccountId.of(pk));
        assertArrayEquals(expected, second, "a caller's change does not reach the cache");
        assertNotSame(first, second);
        assertEquals(who, MAP.keyOf(second));

        OverlayState s = new OverlayState(new OverlayState.Base() {
            @Override
            public byte[] get(byte[] key) {
                return null;
            }

            @Override
            public List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit) {
                return List.of();
            }
        });
        MAP.put(s, who, 42L);
        assertEquals(42L, MAP.get(s, AccountId.of(pk)));
        assertEquals(8, s.get(expected).length);
        MAP.remove(s, who);
        assertNull(MAP.get(s, who));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

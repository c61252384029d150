package org.hamster.chain;

import java.nio.charset.StandardCharsets;

/**
 * frame_support::PalletId: the account a pallet holds funds in, {@code "modl" ++ id} padded with zeros to 32
 * bytes (into_account_truncating). No key controls it. E.g. the treasury, {@code py/trsry}.
 */
public final class PalletId {
    private static final byte[] PREFIX = "modl".getBytes(StandardCharsets.US_ASCII);

    private PalletId() {
    }

    /** The account of an 8-character ASCII pallet id. */
    public static AccountId account(String id) {
        byte[] raw = id.getBytes(StandardCharsets.US_ASCII);
        if (raw.length != 8 || !StandardCharsets.US_ASCII.newEncoder().canEncode(id)) {
            throw new IllegalArgumentException("a pallet id is 8 ASCII characters, got '" + id + "'");
        }
        byte[] key = new byte[32];
        System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
        System.arraycopy(raw, 0, key, PREFIX.length, raw.length);
        return AccountId.of(key);
    }
}

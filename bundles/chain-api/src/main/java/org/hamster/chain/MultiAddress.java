package org.hamster.chain;

import java.util.Arrays;
import java.util.Optional;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Hex;

/**
 * sp_runtime::MultiAddress&lt;AccountId32, u32&gt;, the way calls name an account. All five variants decode, but
 * only {@code Id} resolves to an account (as Substrate's AccountIdLookup): the others fail with CannotLookup.
 */
public final class MultiAddress {
    public static final int ID = 0;
    public static final int INDEX = 1;
    public static final int RAW = 2;
    public static final int ADDRESS32 = 3;
    public static final int ADDRESS20 = 4;
    public static final Codec<MultiAddress> CODEC = Codecs.of(MultiAddress::encode, MultiAddress::decode);

    private final int variant;
    private final byte[] data;
    private final long index;

    private MultiAddress(int variant, byte[] data, long index) {
        this.variant = variant;
        this.data = data;
        this.index = index;
    }

    public static MultiAddress id(AccountId account) {
        return new MultiAddress(ID, account.publicKey(), 0);
    }

    public static MultiAddress index(long accountIndex) {
        if (accountIndex < 0 || accountIndex > 0xffffffffL) {
            throw new IllegalArgumentException("account index must be a u32, got " + accountIndex);
        }
        return new MultiAddress(INDEX, new byte[0], accountIndex);
    }

    public static MultiAddress raw(byte[] bytes) {
        return new MultiAddress(RAW, bytes.clone(), 0);
    }

    public static MultiAddress address32(byte[] bytes) {
        return new MultiAddress(ADDRESS32, fixed(bytes, 32), 0);
    }

    public static MultiAddress address20(byte[] bytes) {
        return new MultiAddress(ADDRESS20, fixed(bytes, 20), 0);
    }

    public int variant() {
        return variant;
    }

    /** The account for the {@code Id} variant; empty for every other variant. */
    public Optional<AccountId> accountId() {
        return variant == ID ? Optional.of(AccountId.of(data)) : Optional.empty();
    }

    private static byte[] fixed(byte[] bytes, int length) {
        if (bytes.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + bytes.length);
        }
        return bytes.clone();
    }

    private static void encode(ScaleWriter w, MultiAddress a) {
        w.u8(a.variant);
        switch (a.variant) {
            case INDEX -> w.compact(a.index);
            case RAW -> w.vecBytes(a.data);
            default -> w.bytes(a.data);
        }
    }

    private static MultiAddress decode(ScaleReader r) {
        int variant = r.u8();
        return switch (variant) {
            case ID -> new MultiAddress(ID, r.bytes(32), 0);
            case INDEX -> {
                long i = r.compactLong();
                if (i > 0xffffffffL) {
                    throw new ScaleException("account index exceeds u32");
                }
                yield new MultiAddress(INDEX, new byte[0], i);
            }
            case RAW -> new MultiAddress(RAW, r.vecBytes(), 0);
            case ADDRESS32 -> new MultiAddress(ADDRESS32, r.bytes(32), 0);
            case ADDRESS20 -> new MultiAddress(ADDRESS20, r.bytes(20), 0);
            default -> throw new ScaleException("unknown MultiAddress variant " + variant);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiAddress m && variant == m.variant && index == m.index && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * variant + Long.hashCode(index)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return switch (variant) {
            case ID -> AccountId.of(data).ss58();
            case INDEX -> "Index(" + index + ")";
            default -> "MultiAddress(" + variant + ", " + Hex.encode(data) + ")";
        };
    }
}

package org.hamster.pallet.system;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleWriter;

/** frame_system::AccountInfo with nonce and reference counters as u32. */
public record AccountInfo(long nonce, long consumers, long providers, long sufficients, AccountData data) {
    public static final AccountInfo EMPTY = new AccountInfo(0, 0, 0, 0, AccountData.EMPTY);
    public static final Codec<AccountInfo> CODEC = Codecs.of(AccountInfo::encode,
            r -> new AccountInfo(r.u32(), r.u32(), r.u32(), r.u32(), AccountData.CODEC.decode(r)));

    public AccountInfo withNonce(long n) {
        return new AccountInfo(n, consumers, providers, sufficients, data);
    }

    public AccountInfo withData(AccountData d) {
        return new AccountInfo(nonce, consumers, providers, sufficients, d);
    }

    public AccountInfo withProviders(long p) {
        return new AccountInfo(nonce, consumers, p, sufficients, data);
    }

    public AccountInfo withConsumers(long c) {
        return new AccountInfo(nonce, c, providers, sufficients, data);
    }

    private static void encode(ScaleWriter w, AccountInfo a) {
        w.u32(a.nonce).u32(a.consumers).u32(a.providers).u32(a.sufficients);
        AccountData.CODEC.encode(w, a.data);
    }
}

package org.hamster.pallet.provider.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.common.Bytes;
import org.hamster.crypto.Base58;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.timestamp.internal.TimestampPallet;

/**
 * System, Timestamp and Provider (index 5) with one-minute hours: blocks every 6 s from time 0, so block n has
 * time 6000 n and an hour is 10 blocks; slots are 6 s.
 */
final class ProviderFixture {
    static final long HOUR = 60_000;
    static final String CONSTANTS = "{\"hourMs\": 60000, \"slotMs\": 6000, \"maxRentableHours\": 100}";
    /** The Ed25519 peer id used in the libp2p peer-id spec examples. */
    static final Bytes PEER = text("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");

    final PalletHarness h;
    final ProviderPallet pallet = new ProviderPallet();

    ProviderFixture() {
        this(CONSTANTS);
    }

    ProviderFixture(String constants) {
        h = PalletHarness.builder().pallet(0, new SystemPallet()).pallet(1, new TimestampPallet())
                .pallet(5, pallet).constants("Provider", constants).build();
    }

    static Bytes text(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    /** An Ed25519 peer id (identity multihash) whose key bytes are all {@code n}. */
    static Bytes peer(int n) {
        byte[] mh = new byte[38];
        mh[0] = 0x00;
        mh[1] = 36;
        mh[2] = 0x08;
        mh[3] = 0x01;
        mh[4] = 0x12;
        mh[5] = 32;
        java.util.Arrays.fill(mh, 6, 38, (byte) n);
        return text(Base58.encode(mh));
    }

    static ProviderCall.RegisterResource registration(BigInteger price, long hours) {
        return new ProviderCall.RegisterResource(PEER, 4, 8, 100, text("Ubuntu 22.04"), text("AMD EPYC 7763"), price,
                hours, text("RTX 4090"), text("eu-west"));
    }

    /** Registers a resource of {@code owner} and returns its id. */
    long register(AccountId owner, long price, long hours) throws DispatchException {
        long id = ProviderStorage.NEXT_RESOURCE_ID.getOr(h.state(), 0L);
        h.dispatch(Origin.signed(owner), "Provider", registration(b(price), hours));
        return id;
    }

    Resource resource(long id) {
        return ProviderStorage.RESOURCES.get(h.state(), id);
    }

    ModuleError fails(AccountId who, ProviderCall call) {
        return h.assertNoop(Origin.signed(who), "Provider", call).moduleError();
    }

    /** Opens blocks until the open one has time at least {@code time}. */
    void advanceTo(long time) {
        while (h.now() < time) {
            h.nextBlock();
        }
    }
}

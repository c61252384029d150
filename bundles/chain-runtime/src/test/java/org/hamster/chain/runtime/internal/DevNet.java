package org.hamster.chain.runtime.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.spi.Pallet;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.common.HamsterException;
import org.hamster.crypto.DevAccounts;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.storage.KvStore;

/** A dev-spec node on a given store, driven block by block, with wallet-like helpers for tests and benchmarks. */
final class DevNet implements AutoCloseable {
    static final BigInteger UNIT = BigInteger.TEN.pow(12);
    final Node node;

    DevNet(KvStore store) throws HamsterException {
        this(ChainSpec.load("dev"), store, DevPallets.all());
    }

    DevNet(ChainSpec spec, KvStore store, List<Pallet> pallets) throws HamsterException {
        node = EmbeddedNode.create(spec, store, pallets, Node.Sealing.INSTANT, 6000, false);
    }

    static Ed25519.KeyPair key(String name) {
        return DevAccounts.pair(name);
    }

    static AccountId id(String name) {
        return AccountId.of(key(name).publicKey());
    }

    static byte[] transferCall(AccountId to, BigInteger amount) {
        BalancesCall.TransferAllowDeath call = new BalancesCall.TransferAllowDeath(to, amount);
        ScaleWriter w = new ScaleWriter().u8(2).u8(call.callIndex());
        call.encodeArgs(w);
        return w.toByteArray();
    }

    /** An immortal signed extrinsic for this chain. */
    byte[] sign(Ed25519.KeyPair from, byte[] call, long nonce) {
        H256 genesis = node.info().genesisHash();
        return ExtrinsicSigner.sign(from, call, nonce, BigInteger.ZERO, Era.IMMORTAL, node.runtimeVersion(), genesis,
                genesis);
    }

    byte[] transfer(String from, AccountId to, BigInteger amount) {
        return sign(key(from), transferCall(to, amount), node.accountNextIndex(id(from)));
    }

    AccountInfo account(AccountId who) {
        return node.storage(SystemStorage.ACCOUNT.key(who), null)
                .map(b -> AccountInfo.CODEC.decode(new org.hamster.codec.ScaleReader(b))).orElse(AccountInfo.EMPTY);
    }

    BigInteger free(AccountId who) {
        return account(who).data().free();
    }

    /** The whole committed state, key by key (for "nothing changed" assertions). */
    Map<Bytes, Bytes> snapshot() {
        Map<Bytes, Bytes> all = new LinkedHashMap<>();
        byte[] after = null;
        while (true) {
            List<byte[]> keys = node.storageKeys(new byte[0], after, 1000, null);
            if (keys.isEmpty()) {
                return all;
            }
            for (byte[] k : keys) {
                all.put(Bytes.wrap(k), Bytes.wrap(node.storage(k, null).orElseThrow()));
            }
            after = keys.get(keys.size() - 1);
        }
    }

    List<byte[]> bodyOfBest() {
        return new ArrayList<>(node.blockBody(node.chain().bestHash()).orElseThrow());
    }

    @Override
    public void close() {
        node.close();
    }
}

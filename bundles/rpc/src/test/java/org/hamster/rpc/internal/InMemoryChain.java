package org.hamster.rpc.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hamster.chain.AccountId;
import org.hamster.chain.ChainInfo;
import org.hamster.chain.ChainService;
import org.hamster.chain.DigestItems;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.Subscription;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TxStatus;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.Blake2b;

/**
 * A test double of {@link ChainService}: an in-memory chain that a test seals block by block, with a
 * transaction pool whose validity rule is the first byte of the extrinsic (0xff: bad signature, 0xfe: the
 * pool already has it). Like the real node, it reports READY from inside submitAndWatch and the current
 * values from inside onStorage.
 */
final class InMemoryChain implements ChainService {
    static final byte BAD_SIGNATURE = (byte) 0xff;
    static final byte ALREADY_IMPORTED = (byte) 0xfe;
    static final RuntimeVersion VERSION_1 = version(100);

    private final List<Header> headers = new ArrayList<>();
    private final List<List<byte[]>> bodies = new ArrayList<>();
    private final List<NavigableMap<byte[], byte[]>> states = new ArrayList<>();
    private final List<byte[]> pool = new ArrayList<>();
    private final Map<H256, Consumer<TxStatus>> watchers = new HashMap<>();
    private final Map<AccountId, Long> nonces = new HashMap<>();
    private final List<Consumer<Header>> heads = new CopyOnWriteArrayList<>();
    private final List<Consumer<Header>> finalized = new CopyOnWriteArrayList<>();
    private final List<Watch> storageWatches = new CopyOnWriteArrayList<>();
    private volatile RuntimeVersion version = VERSION_1;
    private volatile byte[] metadata;

    private record Watch(List<byte[]> keys, Consumer<StorageChange> listener) {
    }

    InMemoryChain(List<StorageChange.Entry> genesisState) {
        NavigableMap<byte[], byte[]> state = new TreeMap<>(Arrays::compareUnsigned);
        genesisState.forEach(e -> state.put(e.key(), e.value()));
        states.add(state);
        headers.add(new Header(H256.ZERO, 0, H256.of(Blake2b.hash256(new byte[] {1})), H256.ZERO, List.of()));
        bodies.add(List.of());
    }

    static RuntimeVersion version(long spec) {
        return new RuntimeVersion("hamster", "hamster-node", 1, spec, 1,
                List.of(new RuntimeVersion.Api(new byte[] {(byte) 0xdf, 0x6a, (byte) 0xcb, 0x68, (byte) 0x99, 0x07,
                        0x60, (byte) 0x9b}, 4)), 1, 1);
    }

    /** Seals the pool into a new block, applying the storage changes (a null value deletes), and notifies. */
    Header seal(List<StorageChange.Entry> changes) {
        Header h;
        List<Map.Entry<H256, Consumer<TxStatus>>> included = new ArrayList<>();
        synchronized (this) {
            NavigableMap<byte[], byte[]> state = new TreeMap<>(states.get(states.size() - 1));
            for (StorageChange.Entry e : changes) {
                if (e.value() == null) {
                    state.remove(e.key());
                } else {
                    state.put(e.key(), e.value());
                }
            }
            Header parent = headers.get(headers.size() - 1);
            h = new Header(parent.hash(), parent.number() + 1, H256.of(Blake2b.hash256(parent.encoded())),
                    H256.ZERO, List.of(DigestItems.preRuntime("aura".getBytes(), new byte[] {(byte) parent.number()})));
            headers.add(h);
            bodies.add(List.copyOf(pool));
            states.add(state);
            for (byte[] xt : pool) {
                Consumer<TxStatus> w = watchers.remove(hash(xt));
                if (w != null) {
                    included.add(Map.entry(hash(xt), w));
                }
            }
            pool.clear();
        }
        for (Map.Entry<H256, Consumer<TxStatus>> w : included) {
            w.getValue().accept(new TxStatus(TxStatus.Kind.IN_BLOCK, h.hash(), null));
            w.getValue().accept(new TxStatus(TxStatus.Kind.FINALIZED, h.hash(), null));
        }
        heads.forEach(l -> l.accept(h));
        finalized.forEach(l -> l.accept(h));
        for (Watch w : storageWatches) {
            List<StorageChange.Entry> hit = new ArrayList<>();
            for (byte[] k : w.keys()) {
                if (changes.stream().anyMatch(c -> Arrays.equals(c.key(), k))) {
                    hit.add(new StorageChange.Entry(k, storage(k, null).orElse(null)));
                }
            }
            if (!hit.isEmpty()) {
                w.listener().accept(new StorageChange(h.hash(), hit));
            }
        }
        return h;
    }

    Header seal() {
        return seal(List.of());
    }

    void setVersion(RuntimeVersion v) {
        this.version = v;
    }

    void setMetadata(byte[] m) {
        this.metadata = m;
    }

    synchronized void setNonce(AccountId who, long nonce) {
        nonces.put(who, nonce);
    }

    /** Live listeners of every kind: the RPC server must leave none behind. */
    int listenerCount() {
        return heads.size() + finalized.size() + storageWatches.size();
    }

    static H256 hash(byte[] xt) {
        return H256.of(Blake2b.hash256(xt));
    }

    @Override
    public ChainInfo info() {
        return new ChainInfo("Hamster Test", "hamster_test", "Development",
                Map.of("ss58Format", 42, "tokenDecimals", 12, "tokenSymbol", "HAM"), headers.get(0).hash(),
                "hamster-test-node", "0.1.0-test");
    }

    @Override
    public RuntimeVersion runtimeVersion() {
        return version;
    }

    @Override
    public synchronized Header bestHeader() {
        return headers.get(headers.size() - 1);
    }

    @Override
    public H256 finalizedHash() {
        return bestHeader().hash();
    }

    @Override
    public synchronized Optional<H256> blockHash(long number) {
        return number < headers.size() ? Optional.of(headers.get((int) number).hash()) : Optional.empty();
    }

    @Override
    public synchronized Optional<Header> header(H256 hash) {
        return headers.stream().filter(h -> h.hash().equals(hash)).findFirst();
    }

    @Override
    public synchronized Optional<List<byte[]>> blockBody(H256 hash) {
        return header(hash).map(h -> bodies.get((int) h.number()));
    }

    @Override
    public synchronized Optional<byte[]> storage(byte[] key, H256 at) {
        return stateAt(at).map(s -> s.get(key));
    }

    @Override
    public synchronized List<byte[]> storageKeys(byte[] prefix, byte[] startKey, int count, H256 at) {
        NavigableMap<byte[], byte[]> s = stateAt(at).orElse(new TreeMap<>());
        List<byte[]> out = new ArrayList<>();
        for (byte[] k : (startKey == null ? s : s.tailMap(startKey, false)).keySet()) {
            if (k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)
                    && out.size() < count) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public H256 submit(byte[] extrinsic) throws TransactionRejected {
        return submitAndWatch(extrinsic, null);
    }

    @Override
    public synchronized H256 submitAndWatch(byte[] xt, Consumer<TxStatus> listener) throws TransactionRejected {
        if (xt.length == 0 || xt[0] == BAD_SIGNATURE) {
            throw new TransactionRejected(TransactionRejected.Invalid.BAD_PROOF, "Transaction has a bad signature");
        }
        if (xt[0] == ALREADY_IMPORTED || pool.stream().anyMatch(p -> Arrays.equals(p, xt))) {
            throw new TransactionRejected(TransactionRejected.Invalid.CUSTOM, 1013, "Transaction Already Imported");
        }
        pool.add(xt.clone());
        H256 hash = hash(xt);
        if (listener != null) {
            watchers.put(hash, listener);
            listener.accept(new TxStatus(TxStatus.Kind.READY, null, null));
        }
        return hash;
    }

    @Override
    public synchronized List<byte[]> pendingExtrinsics() {
        return List.copyOf(pool);
    }

    @Override
    public synchronized long accountNextIndex(AccountId account) {
        return nonces.getOrDefault(account, 0L);
    }

    @Override
    public FeeInfo queryFee(byte[] xt) throws TransactionRejected {
        if (xt.length == 0 || xt[0] == BAD_SIGNATURE) {
            throw new TransactionRejected(TransactionRejected.Invalid.CALL, "Could not decode extrinsic");
        }
        return new FeeInfo(125_000_000L + xt.length, 0, 0, BigInteger.valueOf(1_000_000_000L + 1000L * xt.length));
    }

    @Override
    public byte[] call(String method, byte[] data, H256 at) {
        byte[] m = metadata;
        if (method.equals("Metadata_metadata") && m != null) {
            return new ScaleWriter().vecBytes(m).toByteArray();
        }
        if (method.equals("Core_version")) {
            return new byte[] {1, 2, 3};
        }
        throw new IllegalArgumentException("unknown runtime API method " + method);
    }

    @Override
    public Subscription onNewHead(Consumer<Header> listener) {
        heads.add(listener);
        return () -> heads.remove(listener);
    }

    @Override
    public Subscription onFinalizedHead(Consumer<Header> listener) {
        finalized.add(listener);
        return () -> finalized.remove(listener);
    }

    @Override
    public Subscription onStorage(List<byte[]> keys, Consumer<StorageChange> listener) {
        Watch w = new Watch(List.copyOf(keys), listener);
        List<StorageChange.Entry> now = new ArrayList<>();
        keys.forEach(k -> now.add(new StorageChange.Entry(k, storage(k, null).orElse(null))));
        storageWatches.add(w);
        listener.accept(new StorageChange(bestHeader().hash(), now));
        return () -> storageWatches.remove(w);
    }

    @Override
    public boolean isSyncing() {
        return false;
    }

    @Override
    public int peers() {
        return 0;
    }

    private Optional<NavigableMap<byte[], byte[]>> stateAt(H256 at) {
        if (at == null) {
            return Optional.of(states.get(states.size() - 1));
        }
        return header(at).map(h -> states.get((int) h.number()));
    }
}

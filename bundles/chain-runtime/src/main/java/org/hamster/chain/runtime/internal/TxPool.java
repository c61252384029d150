package org.hamster.chain.runtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TransactionRejected.Invalid;
import org.hamster.chain.TxStatus;

/**
 * Transactions waiting for a block, per sender in nonce order. A sender's transactions are ready from its
 * on-chain nonce onwards without gaps; later ones wait as future. Not thread-safe: the node guards it.
 */
final class TxPool {
    /** A pooled transaction and whoever watches it. */
    static final class Entry {
        final H256 hash;
        final Executive.Checked checked;
        final long seq;
        final List<Consumer<TxStatus>> watchers = new CopyOnWriteArrayList<>();

        Entry(H256 hash, Executive.Checked checked, long seq) {
            this.hash = hash;
            this.checked = checked;
            this.seq = seq;
        }

        AccountId sender() {
            return checked.xt().signer();
        }

        long nonce() {
            return checked.xt().nonce();
        }

        void notify(TxStatus s) {
            for (Consumer<TxStatus> w : watchers) {
                try {
                    w.accept(s);
                } catch (RuntimeException e) {
                    watchers.remove(w);
                }
            }
        }
    }

    private final int capacity;
    private final Map<H256, Entry> byHash = new HashMap<>();
    private final Map<AccountId, TreeMap<Long, Entry>> bySender = new HashMap<>();
    /** Each pooled sender's on-chain nonce as last seen: read at submission, advanced by included blocks. */
    private final Map<AccountId, Long> chainNonces = new HashMap<>();
    private long seq;

    TxPool(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return byHash.size();
    }

    boolean contains(H256 hash) {
        return byHash.containsKey(hash);
    }

    /** Adds a checked transaction; refuses duplicates, nonce clashes and a full pool. */
    Entry add(H256 hash, Executive.Checked c, long chainNonce) throws TransactionRejected {
        if (byHash.containsKey(hash)) {
            throw new TransactionRejected(Invalid.CUSTOM, 1013, "Transaction Already Imported");
        }
        TreeMap<Long, Entry> q = bySender.computeIfAbsent(c.xt().signer(), k -> new TreeMap<>());
        Entry old = q.get(c.xt().nonce());
        if (old != null) {
            if (old.checked.xt().tip().compareTo(c.xt().tip()) >= 0) {
                throw new TransactionRejected(Invalid.CUSTOM, 1014,
                        "Priority is too low: a transaction with the same nonce and a higher or equal tip is pooled");
            }
            remove(old);
            old.notify(new TxStatus(TxStatus.Kind.USURPED, hash, "replaced by a higher tip"));
        }
        if (byHash.size() >= capacity) {
            throw new TransactionRejected(Invalid.EXHAUSTS_RESOURCES, "Transaction pool is full");
        }
        Entry e = new Entry(hash, c, seq++);
        chainNonces.merge(c.xt().signer(), chainNonce, Math::max);
        byHash.put(hash, e);
        bySender.computeIfAbsent(c.xt().signer(), k -> new TreeMap<>()).put(c.xt().nonce(), e);
        return e;
    }

    Entry get(H256 hash) {
        return byHash.get(hash);
    }

    void remove(Entry e) {
        byHash.remove(e.hash);
        TreeMap<Long, Entry> q = bySender.get(e.sender());
        if (q != null) {
            q.remove(e.nonce(), e);
            if (q.isEmpty()) {
                bySender.remove(e.sender());
                chainNonces.remove(e.sender());
            }
        }
    }

    /** Whether this entry is ready: no gap between the sender's on-chain nonce and it. */
    boolean ready(Entry e) {
        long n = chainNonces.get(e.sender());
        TreeMap<Long, Entry> q = bySender.get(e.sender());
        if (e.nonce() < n || q.get(e.nonce()) != e) {
            return false;
        }
        // nonces are unique keys: e is ready iff each nonce from the on-chain one up to it is pooled
        for (long k = n; k < e.nonce(); k++) {
            if (!q.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    /** Ready transactions, each sender's in nonce order, senders interleaved by arrival; at most {@code max}. */
    List<Entry> ready(int max) {
        List<Entry> out = new ArrayList<>();
        List<Entry> heads = new ArrayList<>();
        for (Map.Entry<AccountId, TreeMap<Long, Entry>> s : bySender.entrySet()) {
            addReady(s.getKey(), s.getValue(), heads);
        }
        heads.sort((a, b) -> a.sender().equals(b.sender()) ? Long.compare(a.nonce(), b.nonce())
                : Long.compare(a.seq, b.seq));
        // keep per-sender nonce order while interleaving: stable merge by arrival of each sender's next entry
        Map<AccountId, List<Entry>> per = new HashMap<>();
        for (Entry e : heads) {
            group(per, e);
        }
        per.values().forEach(l -> l.sort((a, b) -> Long.compare(a.nonce(), b.nonce())));
        Map<AccountId, Integer> pos = new HashMap<>();
        heads.sort((a, b) -> Long.compare(a.seq, b.seq));
        for (Entry slot : heads) {
            if (out.size() >= max) {
                break;
            }
            takeNext(slot.sender(), per, pos, out);
        }
        return out;
    }

    // loop bodies of ready(int), which runs once per block: as methods they are compiled early

    /** Adds the sender's ready entries: consecutive nonces from its on-chain one. */
    private void addReady(AccountId sender, TreeMap<Long, Entry> q, List<Entry> heads) {
        long n = chainNonces.get(sender);
        for (Entry e : q.tailMap(n, true).values()) {
            if (e.nonce() != n++) {
                break;
            }
            heads.add(e);
        }
    }

    private static void group(Map<AccountId, List<Entry>> per, Entry e) {
        per.computeIfAbsent(e.sender(), k -> new ArrayList<>()).add(e);
    }

    private static void takeNext(AccountId s, Map<AccountId, List<Entry>> per, Map<AccountId, Integer> pos,
            List<Entry> out) {
        int i = pos.getOrDefault(s, 0);
        out.add(per.get(s).get(i));
        pos.put(s, i + 1);
    }

    /**
     * Records that a block raised the sender's on-chain nonce to {@code next}; drops and returns the sender's
     * entries that this made stale.
     */
    List<Entry> advance(AccountId sender, long next) {
        TreeMap<Long, Entry> q = bySender.get(sender);
        if (q == null) {
            return List.of();
        }
        chainNonces.merge(sender, next, Math::max);
        if (q.firstKey() >= next) {
            return List.of();
        }
        List<Entry> stale = new ArrayList<>(q.headMap(next, false).values());
        stale.forEach(this::remove);
        return stale;
    }

    Collection<Entry> all() {
        return byHash.values();
    }

    long pendingNonce(AccountId who, long chainNonce) {
        long n = chainNonce;
        TreeMap<Long, Entry> q = bySender.get(who);
        if (q == null) {
            return n;
        }
        for (Long k : q.tailMap(chainNonce, true).keySet()) {
            if (k != n) {
                break;
            }
            n++;
        }
        return n;
    }
}

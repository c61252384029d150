package org.hamster.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.runtime.internal.Node;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.DevAccounts;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.balances.BalancesCall;

/**
 * Signed balance transfers submitted from two threads (signature checks run there, as on RPC threads) while
 * the author seals blocks on a durable Xodus store, until all are committed; and, in the same run, the raw
 * Bouncy Castle Ed25519 verify rate on one and on two threads.
 */
final class TxThroughput {
    private static final BigInteger UNIT = BigInteger.TEN.pow(12);
    private final int transactions;
    private final int senders;

    TxThroughput(int transactions, int senders) {
        this.transactions = transactions;
        this.senders = senders;
    }

    void run(Report report) throws Exception {
        System.err.println("tx throughput: warm-up round (JIT), then " + transactions + " transfers from " + senders
                + " accounts");
        measure(transactions / 4, senders / 4);
        Result r = measure(transactions, senders);
        double[] raw = rawVerifyRates(r.keys);
        report.row("signed transfers executed and committed (durable Xodus), 2 submit threads",
                String.format("%.0f tx/s (%d tx in %.2f s, all submitted after %.2f s, %d blocks, %d refused)",
                        r.tps(), r.included, r.seconds, r.submittedAfter, r.blocks, r.refused), ">= 5,000 tx/s");
        report.row("raw Bouncy Castle Ed25519 verify, same run",
                String.format("%.0f/s on 1 thread, %.0f/s on 2 threads", raw[0], raw[1]), "-");
        report.row("throughput / raw verify rate", String.format("%.0f%% of 1 thread, %.0f%% of 2 threads",
                100 * r.tps() / raw[0], 100 * r.tps() / raw[1]), ">= 50%");
        report.row("CPU time of the transfer run (both cores)", r.cpu().describe(), "reported");
    }

    private record Result(List<Ed25519.KeyPair> keys, long included, double seconds, double submittedAfter,
            int blocks, int refused, CpuUse cpu) {
        double tps() {
            return included / seconds;
        }
    }

    private Result measure(int txCount, int senderCount) throws Exception {
        Path dir = Files.createTempDirectory("hamster-bench-tx");
        try (DevChain chain = new DevChain(dir, false)) {
            Node node = chain.node;
            List<Ed25519.KeyPair> keys = fund(node, senderCount);
            List<List<byte[]>> perSender = presign(node, keys, txCount / senderCount);
            CpuUse.Snapshot cpuBefore = CpuUse.snapshot();
            long start = System.nanoTime();
            AtomicInteger refused = new AtomicInteger();
            AtomicLong submittedAt = new AtomicLong();
            AtomicLong submitCpuNs = new AtomicLong();
            List<Thread> submitters = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t;
                Thread th = new Thread(() -> {
                    for (int s = first; s < perSender.size(); s += 2) {
                        for (byte[] xt : perSender.get(s)) {
                            try {
                                node.submit(xt);
                            } catch (TransactionRejected e) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                    submittedAt.accumulateAndGet(System.nanoTime(), Math::max);
                    submitCpuNs.addAndGet(CpuUse.currentThreadCpuNs());
                }, "submitter-" + t);
                th.start();
                submitters.add(th);
            }
            long included = 0;
            int blocks = 0;
            while (included < txCount - refused.get()) {
                Header h = node.sealNow();
                int n = node.blockBody(h.hash()).orElseThrow().size() - 1;
                included += n;
                blocks += n > 0 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Thread th : submitters) {
                th.join();
            }
            CpuUse cpu = CpuUse.between(cpuBefore, CpuUse.snapshot(), submitCpuNs.get());
            return new Result(keys, included, seconds, (submittedAt.get() - start) / 1e9, blocks, refused.get(), cpu);
        } finally {
            deleteTree(dir);
        }
    }

    /** Creates the sender accounts with transfers from the dev accounts (not measured). */
    private static List<Ed25519.KeyPair> fund(Node node, int senders) throws TransactionRejected {
        List<Ed25519.KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            seed[31] = 7;
            keys.add(Ed25519.fromSeed(seed));
        }
        int next = 0;
        while (next < keys.size()) {
            for (String dev : DevAccounts.NAMES) {
                Ed25519.KeyPair from = DevAccounts.pair(dev);
                long nonce = node.accountNextIndex(AccountId.of(from.publicKey()));
                for (int k = 0; k < 60 && next < keys.size(); k++) {
                    byte[] call = transfer(AccountId.of(keys.get(next++).publicKey()), UNIT);
                    node.submit(sign(node, from, call, nonce++));
                }
            }
            node.sealNow();
        }
        while (!node.pendingExtrinsics().isEmpty()) {
            node.sealNow();
        }
        return keys;
    }

    private static List<List<byte[]>> presign(Node node, List<Ed25519.KeyPair> keys, int each) {
        AccountId bob = AccountId.of(DevAccounts.pair("Bob").publicKey());
        List<List<byte[]>> out = new ArrayList<>();
        for (Ed25519.KeyPair k : keys) {
            List<byte[]> xts = new ArrayList<>();
            for (int n = 0; n < each; n++) {
                xts.add(sign(node, k, transfer(bob, BigInteger.valueOf(1_000_000L + n)), n));
            }
            out.add(xts);
        }
        return out;
    }

    static byte[] transfer(AccountId to, BigInteger amount) {
        BalancesCall.TransferAllowDeath call = new BalancesCall.TransferAllowDeath(to, amount);
        ScaleWriter w = new ScaleWriter().u8(2).u8(call.callIndex());
        call.encodeArgs(w);
        return w.toByteArray();
    }

    static byte[] sign(Node node, Ed25519.KeyPair key, byte[] call, long nonce) {
        H256 genesis = node.info().genesisHash();
        RuntimeVersion v = node.runtimeVersion();
        return ExtrinsicSigner.sign(key, call, nonce, BigInteger.ZERO, Era.IMMORTAL, v, genesis, genesis);
    }

    /** Verifies/s of org.bouncycastle's Ed25519.verify (decompressing the key each time) on 1 and 2 threads. */
    private static double[] rawVerifyRates(List<Ed25519.KeyPair> keys) throws InterruptedException {
        int n = 1000;
        byte[][] pk = new byte[n][];
        byte[][] msg = new byte[n][];
        byte[][] sig = new byte[n][];
        for (int i = 0; i < n; i++) {
            Ed25519.KeyPair k = keys.get(i % keys.size());
            pk[i] = k.publicKey();
            msg[i] = new byte[140];
            msg[i][0] = (byte) i;
            sig[i] = k.sign(msg[i]);
        }
        double[] rates = new double[2];
        for (int threads = 1; threads <= 2; threads++) {
            AtomicLong count = new AtomicLong();
            long end = System.nanoTime() + 3_000_000_000L;
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    long c = 0;
                    for (int i = 0; System.nanoTime() < end; i = (i + 1) % n, c++) {
                        if (!org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig[i], 0, pk[i], 0, msg[i], 0,
                                msg[i].length)) {
                            throw new IllegalStateException("signature did not verify");
                        }
                    }
                    count.addAndGet(c);
                });
                th.start();
                ts.add(th);
            }
            for (Thread th : ts) {
                th.join();
            }
            rates[threads - 1] = count.get() / 3.0;
        }
        return rates;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

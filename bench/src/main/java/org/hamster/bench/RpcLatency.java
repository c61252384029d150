package org.hamster.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.common.Hex;
import org.hamster.crypto.DevAccounts;
import org.hamster.pallet.system.SystemStorage;

/** Sequential state_getStorage round trips over one WebSocket to a running node, as a wallet polls balances. */
final class RpcLatency {
    private final int requests;

    RpcLatency(int requests) {
        this.requests = requests;
    }

    void run(int port, Report report) throws Exception {
        String key = Hex.encode(SystemStorage.ACCOUNT.key(AccountId.of(DevAccounts.pair("Alice").publicKey())));
        Listener listener = new Listener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port), listener).get(10, TimeUnit.SECONDS);
        try {
            int warmup = requests / 10;
            long[] samples = new long[requests];
            for (int i = 0; i < warmup + requests; i++) {
                String req = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"state_getStorage\",\"params\":[\""
                        + key + "\"]}";
                long t0 = System.nanoTime();
                CompletableFuture<String> reply = listener.expect();
                ws.sendText(req, true).get(5, TimeUnit.SECONDS);
                String r = reply.get(5, TimeUnit.SECONDS);
                long dt = System.nanoTime() - t0;
                if (!r.contains("\"result\":\"0x")) {
                    throw new IllegalStateException("unexpected answer: " + r);
                }
                if (i >= warmup) {
                    samples[i - warmup] = dt;
                }
            }
            Arrays.sort(samples);
            report.row("RPC state_getStorage over WebSocket, loopback, " + requests + " sequential calls",
                    String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms", Report.percentileMs(samples, 50),
                            Report.percentileMs(samples, 99), samples[samples.length - 1] / 1e6), "p99 < 2 ms");
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** Collects one text message (possibly in parts) per expected reply. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder buf = new StringBuilder();
        private volatile CompletableFuture<String> pending;

        CompletableFuture<String> expect() {
            pending = new CompletableFuture<>();
            return pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                pending.complete(buf.toString());
                buf.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}

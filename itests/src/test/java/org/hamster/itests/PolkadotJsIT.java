package org.hamster.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Unmodified {@code @polkadot/api} from npm against the headless node assembly run as a real process (fresh
 * development chain, 1 s blocks, JSON-RPC on its own port): {@code polkadotjs/polkadotjs.test.mjs} connects, reads
 * the V14 metadata, constants and storage, signs with an ed25519 keyring, submits a transfer, a failing transfer,
 * a pledge, a resource registration and an order, and decodes every block and event back to genesis, byte for byte
 * against the raw RPC values. Every {@code STEP} line of the script must say ok. The node has no provider, so the
 * order stays Pending.
 */
class PolkadotJsIT {
    static final int PORT = 19966;
    /** The script's checks, in its order (design metadata-v14.md 4.5). */
    static final List<String> STEPS = List.of("connect", "metadata-v14", "chain-properties", "chain-name", "head",
            "genesis", "state-getMetadata", "consts", "keyring-ed25519", "runtime-apis", "system-account",
            "derive-balances",
            "payment-info", "transfer", "immortal-era", "failing-transfer", "provider-pledge", "register-resource",
            "create-order", "in-block-status", "blocks-extrinsics", "blocks-events", "no-warnings");
    private static final Pattern STEP = Pattern.compile("^STEP (\\S+) (ok|FAIL)(.*)$");

    @Test
    void unmodifiedPolkadotJsApiConnectsSignsSubmitsAndDecodes() throws Exception {
        Path suite = Path.of("polkadotjs").toAbsolutePath();
        assertTrue(Files.isRegularFile(suite.resolve("polkadotjs.test.mjs")), suite.toString());
        Run version = run(suite, List.of("node", "--version"), 30);
        assertEquals(0, version.exit(), "the @polkadot/api suite needs Node.js >= 18 on the PATH: " + version.output());
        if (!Files.isDirectory(suite.resolve("node_modules/@polkadot/api"))) {
            Run npm = run(suite, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
            assertEquals(0, npm.exit(), "npm ci in " + suite + ":\n" + npm.output());
        }
        // the node stops in the end whatever happens (close() kills the instance's processes)
        try (KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                Path.of("target/polkadotjs-node").toAbsolutePath())) {
            karaf.config("org.hamster.rpc.cfg", "port", String.valueOf(PORT));
            karaf.config("org.hamster.chain.runtime.cfg", "blockTimeMs", "1000");
            karaf.start();
            new Rpc(PORT).awaitUp(Duration.ofSeconds(120));
            System.out.println("---- polkadotjs.test.mjs (node " + version.output().strip() + ") ----");
            Run js = run(suite, List.of("node", "polkadotjs.test.mjs"), 900, "WS", "ws://127.0.0.1:" + PORT);
            System.out.println("---- polkadotjs.test.mjs exit " + js.exit() + " ----");
            Map<String, String> steps = new LinkedHashMap<>();
            for (String line : js.output().split("\n")) {
                Matcher m = STEP.matcher(line);
                if (m.matches()) {
                    steps.put(m.group(1), m.group(2).equals("ok") ? "ok" : "FAIL" + m.group(3));
                }
            }
            List<String> bad = new ArrayList<>();
            for (String s : STEPS) {
                String r = steps.get(s);
                if (!"ok".equals(r)) {
                    bad.add(s + ": " + (r == null ? "no STEP line" : r));
                }
            }
            String logs = "\n(node log: " + karaf.home().resolve("data/log/karaf.log") + ")\n";
            assertTrue(bad.isEmpty(), "@polkadot/api steps not ok:\n  " + String.join("\n  ", bad) + logs
                    + js.output());
            assertEquals(0, js.exit(), "polkadotjs.test.mjs exit code" + logs + js.output());
        }
    }

    private record Run(int exit, String output) {
    }

    /**
     * Runs a command in {@code dir} with extra environment pairs; stdout and stderr together, each line echoed to
     * the test log as it comes; the process tree is killed after {@code timeoutSeconds}.
     */
    private static Run run(Path dir, List<String> command, long timeoutSeconds, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    System.out.println(line);
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException e) {
                synchronized (out) {
                    out.append("(output read failed: ").append(e).append(")\n");
                }
            }
        }, "polkadotjs-output");
        pump.setDaemon(true);
        pump.start();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(10_000);
        synchronized (out) {
            return new Run(ended ? p.exitValue() : -1, ended ? out.toString()
                    : out + "\n(killed after " + timeoutSeconds + " s)");
        }
    }
}

package org.hamster.itests;

import static org.hamster.itests.ProviderIT.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamster.p2p.IdentityFiles;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser: the all-in-one {@code hamster} distribution started as it comes (development
 * network on the default ports), then {@code webui/webui.test.mjs} drives Debian's headless Chromium through
 * playwright-core: a tenant logs in, buys resource 0 for an hour, sees the order complete and links the lease to get
 * the ssh command; the provider changes the price and sees it on the market; the explorer shows blocks and events;
 * a provider account the keystore lacks turns the provider page into a banner with the reason above the settings
 * form until the account is set back.
 * The ssh command the page showed then logs in to the machine. Screenshots of every step go to
 * {@code target/webui-screenshots}.
 */
class WebUiIT {
    private static final String BASE_URL = "http://127.0.0.1:8181/hamster/";
    private static final Pattern SSH = Pattern.compile("SSH_COMMAND: ssh -i (\\S+) -p (\\d+) root@127\\.0\\.0\\.1");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void aTenantAndAProviderUseTheWebConsoleInChromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser tests need Debian's chromium: apt-get install chromium");
        Path webui = Path.of("webui").toAbsolutePath();
        Path screenshots = Path.of("target/webui-screenshots").toAbsolutePath();
        Path base = Path.of("target/webui-it").toAbsolutePath();
        KarafProcess hamster = KarafProcess.unpack(Path.of(System.getProperty("hamster.hamster.zip")), base);
        try (hamster) {
            hamster.start();
            Path console = hamster.home().resolve("console.log");
            eventually("the development network's instructions", () -> Files.exists(console)
                    && Files.readString(console).contains("Rent a machine and log in to it") ? true : null);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            eventually("the web console at " + BASE_URL, () -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE_URL))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("app.js") ? true : null;
            });
            if (!Files.isDirectory(webui.resolve("node_modules/playwright-core"))) {
                Run npm = run(webui, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
                assertEquals(0, npm.exit(), "npm ci in " + webui + ":\n" + npm.output());
            }
            Files.createDirectories(screenshots);
            Run browser = run(webui, List.of("node", "webui.test.mjs"), 1500, "BASE_URL", BASE_URL,
                    "SCREENSHOTS", screenshots.toString(), "CHROMIUM", CHROMIUM.toString());
            System.out.println("---- webui.test.mjs (exit " + browser.exit() + ") ----\n" + browser.output());
            assertEquals(0, browser.exit(), "the browser tests failed; screenshots in " + screenshots + ":\n"
                    + browser.output());
            // the command the page showed logs in to the rented machine
            Matcher ssh = SSH.matcher(browser.output());
            assertTrue(ssh.find(), browser.output());
            // (retried: right after boot the provider may still be taking its relay reservation on the gateway)
            Path key = Path.of(ssh.group(1));
            int port = Integer.parseInt(ssh.group(2));
            String out = eventually("ssh through the link the page made",
                    () -> SshLink.ssh(key, port, "echo in-the-web-console"));
            assertTrue(out.contains("in-the-web-console"), out);
        } finally { // the lease outlives the test: its machine goes with it
            Path id = hamster.home().resolve("data/hamster/p2p/p2p-provider.key");
            if (Files.exists(id)) {
                ProviderIT.removeMachines(IdentityFiles.load(id).peerId().toString());
            }
        }
    }

    private record Run(int exit, String output) {
    }

    /** Runs a command in {@code dir} with extra environment pairs; output and error together; killed after a time. */
    private static Run run(Path dir, List<String> command, long timeoutSeconds, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Path log = Files.createTempFile("webui-", ".log");
        try {
            Process p = pb.redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Run(ended ? p.exitValue() : -1, ended ? output : output + "\n(killed after " + timeoutSeconds + " s)");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

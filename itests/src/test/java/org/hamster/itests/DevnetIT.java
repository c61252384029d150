package org.hamster.itests;

import static org.hamster.itests.ProviderIT.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamster.p2p.IdentityFiles;
import org.junit.jupiter.api.Test;

/**
 * The README's main job: the all-in-one {@code hamster} distribution started as it comes (default ports, nothing
 * configured) sets up the development network by itself and prints how to rent a machine; following those
 * instructions in its shell rents one from its own provider (Docker here) and the printed ssh command logs in.
 */
class DevnetIT {
    private static final Pattern SSH = Pattern.compile("ssh -i (\\S+) -p (\\d+) root@127\\.0\\.0\\.1");

    @Test
    void theAllInOneDistributionRentsAMachineAsPrinted() throws Exception {
        Path base = Path.of("target/devnet-it").toAbsolutePath();
        KarafProcess hamster = KarafProcess.unpack(Path.of(System.getProperty("hamster.hamster.zip")), base);
        try (hamster) {
            hamster.start();
            Path console = hamster.home().resolve("console.log");
            eventually("the development network's instructions", () -> Files.exists(console)
                    && Files.readString(console).contains("Rent a machine and log in to it") ? true : null);
            String market = eventually("the provider's machine on the market", () -> {
                String out = hamster.client(8101, "hamster:market");
                return out.contains("UNUSED") ? out : null;
            });
            String bought = hamster.client(8101, "hamster:buy 0 1");
            assertTrue(bought.contains("Order 0:"), market + "\n" + bought);
            eventually("the lease", () -> hamster.client(8101, "hamster:resources").contains("USING") ? true : null);
            String linked = hamster.client(8101, "hamster:link 0");
            Matcher ssh = SSH.matcher(linked);
            assertTrue(ssh.find(), linked);
            String out = SshLink.ssh(Path.of(ssh.group(1)), Integer.parseInt(ssh.group(2)), "echo in-the-devnet");
            assertTrue(out.contains("in-the-devnet"), out);
        } finally { // the lease outlives the test: its machine goes with it
            Path id = hamster.home().resolve("data/hamster/p2p/p2p-provider.key");
            if (Files.exists(id)) {
                ProviderIT.removeMachines(IdentityFiles.load(id).peerId().toString());
            }
        }
    }
}

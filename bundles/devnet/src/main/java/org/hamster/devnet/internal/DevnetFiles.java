package org.hamster.devnet.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The development network's files in {@code data/hamster/devnet}: the keystore password and the tenant's SSH key. */
final class DevnetFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetFiles.class);
    private final Path dir;

    private DevnetFiles(Path dir) {
        this.dir = dir;
    }

    static DevnetFiles create(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new DevnetFiles(dir);
    }

    Path passwordFile() {
        return dir.resolve("password");
    }

    /** The password the development accounts are encrypted with; made (random, owner-only file) on first use. */
    String password() throws IOException {
        Path f = passwordFile();
        if (!Files.exists(f)) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            Path tmp = dir.resolve("password.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n");
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readAllLines(f, StandardCharsets.UTF_8).get(0).strip();
    }

    /**
     * The tenant's ed25519 SSH key ({@code tenant_ed25519}, public key next to it), made with ssh-keygen on first
     * use; empty (with a warning) when ssh-keygen is not installed.
     */
    Optional<Path> tenantSshKey() throws IOException, InterruptedException {
        Path key = dir.resolve("tenant_ed25519");
        if (Files.exists(key) && Files.exists(Path.of(key + ".pub"))) {
            return Optional.of(key);
        }
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        Process p;
        try {
            p = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tenant@hamster-devnet",
                    "-f", key.toString())).redirectErrorStream(true).start();
        } catch (IOException e) {
            LOG.warn("devnet: no SSH key for the tenant (ssh-keygen: {}); install openssh-client", e.getMessage());
            return Optional.empty();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            LOG.warn("devnet: ssh-keygen failed: {}", out.strip());
            return Optional.empty();
        }
        return Optional.of(key);
    }
}

package org.hamster.backend.docker.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hamster.compute.SshPublicKey;

/**
 * The tar archive that installs a tenant's key, unpacked by the daemon at the container's root before its first
 * start: {@code root/.ssh/} (0700) and {@code root/.ssh/authorized_keys} (0600) holding the key's one line, both
 * owned by root. The key only ever travels as file content.
 */
final class KeyArchive {
    static final String SSH_DIR = "root/.ssh/";
    static final String AUTHORIZED_KEYS = SSH_DIR + "authorized_keys";

    private KeyArchive() {
    }

    static byte[] authorizedKeys(SshPublicKey key, Instant modified) {
        byte[] content = (key.line() + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048 + content.length);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry dir = entry(SSH_DIR, 040700, modified);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            TarArchiveEntry file = entry(AUTHORIZED_KEYS, 0100600, modified);
            file.setSize(content.length);
            tar.putArchiveEntry(file);
            tar.write(content);
            tar.closeArchiveEntry();
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static TarArchiveEntry entry(String name, int mode, Instant modified) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode);
        e.setIds(0, 0);
        e.setNames("root", "root");
        e.setModTime(Date.from(modified));
        return e;
    }
}

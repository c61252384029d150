package org.hamster.p2p;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key files of node identities, one per role ({@code p2p-gateway.key}, {@code p2p-provider.key}, ...): the libp2p
 * {@code PrivateKey} protobuf, the format go-libp2p and js-libp2p read, in a file only its owner may read (0600,
 * written atomically). A key file others can read is tightened to 0600 with a warning.
 */
public final class IdentityFiles {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityFiles.class);
    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int MAX_FILE = 4096;

    private IdentityFiles() {
    }

    /** The key file of {@code role} in {@code dir}: {@code dir/p2p-<role>.key}. */
    public static Path forRole(Path dir, String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("a role is 1-32 lower-case letters, digits or '-', got " + role);
        }
        return dir.resolve("p2p-" + role + ".key");
    }

    /** Loads the identity in {@code file}, creating the file with a fresh identity when it does not exist. */
    public static Identity loadOrCreate(Path file) throws HamsterException {
        if (Files.exists(file)) {
            return load(file);
        }
        Identity id = Identity.generate();
        save(file, id);
        LOG.info("created p2p identity {} in {}", id.peerId(), file);
        return id;
    }

    public static Identity load(Path file) throws HamsterException {
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new HamsterException(ErrorCode.KEYSTORE, file + " is too large for a key file");
            }
            tighten(file);
            return Identity.fromPrivateKeyProtobuf(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, e, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes {@code id} to {@code file} (owner-only, synced, atomic rename); replaces an existing file. */
    public static void save(Path file, Identity id) throws HamsterException {
        Path dir = file.toAbsolutePath().getParent();
        try {
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
            }
            Path tmp = Files.createTempFile(dir, ".p2p-", ".part", posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0]);
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(id.toPrivateKeyProtobuf()));
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, e, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void tighten(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(perms)) {
            LOG.warn("key file {} was readable by others ({}); setting it to rw-------", file,
                    PosixFilePermissions.toString(perms));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}

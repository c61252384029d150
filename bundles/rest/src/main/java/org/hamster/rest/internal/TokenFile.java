package org.hamster.rest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API token on disk: 32 random bytes as 64 hex digits, in a file only its owner may read (0600). Created
 * atomically on first use (written to a temporary file in the same directory, then renamed), reused afterwards.
 */
final class TokenFile {
    static final int TOKEN_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F]{" + 2 * TOKEN_BYTES + "}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_SIZE = 1024;

    private TokenFile() {
    }

    /**
     * Where the token lives: {@code configured} resolved against {@code karafData} ({@code data} when null), or
     * {@code <karafData>/hamster/api.token} when {@code configured} is blank.
     */
    static Path resolve(String configured, String karafData) {
        Path data = Path.of(karafData == null ? "data" : karafData);
        if (configured == null || configured.isBlank()) {
            return data.resolve("hamster").resolve("api.token");
        }
        return data.resolve(configured.strip());
    }

    /** The token in {@code file}, which is created with a new random token first if it does not exist. */
    static String loadOrCreate(Path file) throws IOException {
        if (Files.notExists(file)) {
            create(file);
            LOG.info("Created a new REST API token in {}", file);
        }
        return read(file);
    }

    /** The token in {@code file}; refuses anything but one 64-digit hex token (surrounding whitespace allowed). */
    static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("REST API token file " + file + " is not a regular file");
        }
        if (Files.size(file) > MAX_SIZE) {
            throw new IOException(invalid(file));
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        if (!TOKEN.matcher(text).matches()) {
            throw new IOException(invalid(file));
        }
        restrict(file);
        return text;
    }

    private static String invalid(Path file) {
        return "REST API token file " + file + " must hold exactly one token of " + 2 * TOKEN_BYTES
                + " hex digits; delete it to have a new token created";
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        byte[] content = (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path tmp = posix(dir)
                ? Files.createTempFile(dir, ".api-token-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".api-token-", ".tmp", new FileAttribute<?>[0]);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Takes group and other permissions away from a token file that has them (e.g. restored from a backup). */
    private static void restrict(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !OWNER_ONLY.containsAll(view.readAttributes().permissions())) {
            view.setPermissions(OWNER_ONLY);
            LOG.warn("REST API token file {} was readable by others; its mode is now 0600", file);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

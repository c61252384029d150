package org.hamster.compute;

import java.util.Base64;
import java.util.Set;

/**
 * A tenant's SSH public key in the one-line OpenSSH form {@code <type> <base64> [comment]}, checked strictly
 * (known type, base64 whose embedded type name matches, a comment of printable ASCII without quotes or
 * backslashes) so that what reaches an authorized_keys file is exactly one key line. {@link #line()} is the
 * normalised form written there.
 */
public final class SshPublicKey {
    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final int MAX_LENGTH = 2048;
    private final String type;
    private final String base64;
    private final String comment;

    private SshPublicKey(String type, String base64, String comment) {
        this.type = type;
        this.base64 = base64;
        this.comment = comment;
    }

    /** Parses a key line; throws IllegalArgumentException saying what is wrong. */
    public static SshPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty SSH public key");
        }
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("SSH public key longer than " + MAX_LENGTH + " characters");
        }
        if (s.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("SSH public key must be one line of printable ASCII");
        }
        String[] parts = s.split(" +", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("SSH public key must be '<type> <base64> [comment]'");
        }
        if (!TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("unsupported SSH key type '" + parts[0] + "'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SSH public key data is not base64");
        }
        if (blob.length < 4 + parts[0].length() || !embeddedType(blob).equals(parts[0])) {
            throw new IllegalArgumentException("SSH public key data does not hold a " + parts[0] + " key");
        }
        String comment = parts.length == 3 ? parts[2] : "";
        if (comment.contains("\"") || comment.contains("\\")) {
            throw new IllegalArgumentException("SSH key comment must not contain quotes or backslashes");
        }
        return new SshPublicKey(parts[0], parts[1], comment);
    }

    private static String embeddedType(byte[] blob) {
        int n = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (n < 1 || n > blob.length - 4) {
            return "";
        }
        return new String(blob, 4, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    public String type() {
        return type;
    }

    /** The line for an authorized_keys file, without a newline. */
    public String line() {
        return comment.isEmpty() ? type + " " + base64 : type + " " + base64 + " " + comment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey k && k.type.equals(type) && k.base64.equals(base64);
    }

    @Override
    public int hashCode() {
        return base64.hashCode();
    }

    @Override
    public String toString() {
        return line();
    }
}

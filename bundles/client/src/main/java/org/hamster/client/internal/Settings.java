package org.hamster.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.common.HamsterException;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;

/**
 * Checks and reads the tenant's settings: the node URL, the SSH public key (a line, or a file holding one) and the
 * preferred gateways. Every check fails with INVALID_INPUT naming the setting.
 */
public final class Settings {
    static final int MAX_KEY_FILE = 64 * 1024;
    static final int MAX_KEY_LINE = 2048;
    private static final Set<String> KEY_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");

    private Settings() {
    }

    /** A ws:// or wss:// URL with a host. */
    static String chainUrl(String url) throws ClientException {
        try {
            URI u = new URI(url == null ? "" : url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss") || u.getHost() == null) {
                throw invalid("chainUrl must be ws://host:port or wss://..., not '" + url + "'");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw invalid("chainUrl is not a URL: '" + url + "'");
        }
    }

    /** Whether {@code value} is meant as a key line (it starts with a key type) rather than as a file. */
    static boolean isKeyLine(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        return KEY_TYPES.contains(space < 0 ? v : v.substring(0, space));
    }

    /** The key line {@code lineOrPath} is, or the first key line of the file it names; checked. */
    public static String sshKey(String lineOrPath) throws ClientException {
        if (lineOrPath == null || lineOrPath.isBlank()) {
            throw invalid("no SSH public key: give one, or set sshPublicKey");
        }
        if (isKeyLine(lineOrPath)) {
            return keyLine(lineOrPath);
        }
        Path file;
        try {
            file = Path.of(lineOrPath.strip());
        } catch (InvalidPathException e) {
            throw invalid("sshPublicKey is neither an OpenSSH public key nor a file: " + e.getMessage());
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_KEY_FILE) {
                throw invalid("sshPublicKey: " + file + " is not an OpenSSH public key file (a line such as "
                        + "'ssh-ed25519 AAAA... me@host', or the path of a .pub file)");
            }
            Optional<String> line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
            if (line.isEmpty()) {
                throw invalid("sshPublicKey: " + file + " holds no key");
            }
            return keyLine(line.get());
        } catch (IOException e) {
            throw invalid("sshPublicKey: cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * One OpenSSH public key line {@code <type> <base64 blob> [comment]} of a type machines accept, whose blob names
     * the same type; printable ASCII only. The chain checks the key material itself.
     */
    static String keyLine(String line) throws ClientException {
        String l = line.strip();
        if (l.length() > MAX_KEY_LINE || !l.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw invalid("the SSH public key must be one line of printable ASCII, at most " + MAX_KEY_LINE
                    + " characters");
        }
        String[] parts = l.split(" +", 3);
        if (parts.length < 2 || !KEY_TYPES.contains(parts[0])) {
            throw invalid("not an OpenSSH public key (expected '<type> <base64> [comment]' with type one of "
                    + String.join(", ", KEY_TYPES.stream().sorted().toList()) + ")");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid("the SSH public key's blob is not base64");
        }
        byte[] type = parts[0].getBytes(StandardCharsets.US_ASCII);
        int n = blob.length < 4 ? -1 : (blob[0] & 0xff) << 24 | (blob[1] & 0xff) << 16 | (blob[2] & 0xff) << 8
                | blob[3] & 0xff;
        if (n != type.length || blob.length < 4 + n || !Arrays.equals(blob, 4, 4 + n, type, 0, n)) {
            throw invalid("the SSH public key's blob is not a " + parts[0] + " key");
        }
        return String.join(" ", parts);
    }

    /** Comma-separated entries, trimmed, empty ones dropped. */
    static List<String> split(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Preferred gateways, each a multiaddr ending in {@code /p2p/<peer id>} or a bare peer id; trimmed. */
    static List<String> gateways(List<String> entries) throws ClientException {
        List<String> out = new ArrayList<>();
        for (String raw : entries) {
            String e = raw == null ? "" : raw.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains(",")) {
                throw invalid("preferredGateways: one gateway per entry, not '" + e + "'");
            }
            try {
                if (e.startsWith("/")) {
                    if (Multiaddr.parse(e).peerId().isEmpty()) {
                        throw invalid("preferredGateways: " + e + " does not end in /p2p/<peer id>");
                    }
                } else {
                    PeerId.parse(e);
                }
            } catch (HamsterException | RuntimeException x) {
                throw x instanceof ClientException c ? c : invalid("preferredGateways: '" + e
                        + "' is neither a multiaddr ending in /p2p/<peer id> nor a peer id (" + x.getMessage() + ")");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    /**
     * The gateways to try, in order, as multiaddrs ending in {@code /p2p/<gateway>}: the preferred ones first (a
     * bare peer id takes its address from the bootstrap list, or stays {@code /p2p/<id>} for the host to resolve),
     * then the rest of the bootstrap list. One entry per gateway; entries that do not parse are left out.
     */
    static List<Multiaddr> gatewayOrder(List<String> preferred, List<String> bootstrap) {
        Map<PeerId, Multiaddr> known = new LinkedHashMap<>();
        for (String b : bootstrap) {
            parse(b).ifPresent(m -> known.putIfAbsent(m.peerId().orElseThrow(), m));
        }
        Map<PeerId, Multiaddr> out = new LinkedHashMap<>();
        for (String p : preferred) {
            parse(p).ifPresent(m -> {
                PeerId id = m.peerId().orElseThrow();
                out.putIfAbsent(id, m.components().size() == 1 ? known.getOrDefault(id, m) : m);
            });
        }
        known.forEach(out::putIfAbsent);
        return List.copyOf(out.values());
    }

    /** A gateway entry as a multiaddr ending in /p2p/<id>; a bare peer id as /p2p/<id>. */
    private static Optional<Multiaddr> parse(String entry) {
        try {
            String e = entry.strip();
            Multiaddr m = e.startsWith("/") ? Multiaddr.parse(e) : Multiaddr.parse("/p2p/" + PeerId.parse(e));
            return m.peerId().isPresent() ? Optional.of(m) : Optional.empty();
        } catch (HamsterException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static ClientException invalid(String message) {
        return new ClientException(Reason.INVALID_INPUT, message);
    }
}

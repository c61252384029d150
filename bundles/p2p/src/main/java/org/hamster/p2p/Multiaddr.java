package org.hamster.p2p;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.p2p.internal.ByteReader;
import org.hamster.p2p.internal.Varint;
import org.hamster.p2p.internal.WireException;

/**
 * A multiaddr: a path of protocols and values such as {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...}, in text
 * and binary form (multiaddr spec). Immutable; {@link #toString()} is the canonical text (IPv6 in RFC 5952 form,
 * {@code /ipfs} printed as {@code /p2p}).
 */
public final class Multiaddr {
    private static final int MAX_TEXT = 1024;
    private static final int MAX_VALUE = 1024;
    private final List<MultiaddrComponent> components;
    private final byte[] bytes;
    private final String text;

    private Multiaddr(List<MultiaddrComponent> components) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a multiaddr has at least one component");
        }
        this.components = List.copyOf(components);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        for (MultiaddrComponent c : this.components) {
            out.writeBytes(Varint.encode(c.protocol().code()));
            if (c.protocol().sizeBits() == MultiaddrProtocol.Size.VARIABLE) {
                out.writeBytes(Varint.encode(c.raw().length));
            }
            out.writeBytes(c.raw());
            sb.append(c);
        }
        this.bytes = out.toByteArray();
        this.text = sb.toString();
    }

    public static Multiaddr of(List<MultiaddrComponent> components) {
        return new Multiaddr(components);
    }

    /** Parses the text form; unknown protocols, missing or malformed values are refused. */
    public static Multiaddr parse(String text) throws HamsterException {
        if (text == null || text.length() > MAX_TEXT || !text.startsWith("/") || text.length() < 2) {
            throw invalid(String.valueOf(text), "must start with '/' and have at most " + MAX_TEXT + " characters");
        }
        String[] parts = text.substring(1).split("/", -1);
        List<MultiaddrComponent> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i];
            if (name.isEmpty()) {
                throw invalid(text, "has an empty segment");
            }
            MultiaddrProtocol p = MultiaddrProtocol.byName(name)
                    .orElseThrow(() -> invalid(text, "names the unknown protocol " + name));
            String value = "";
            if (p.hasValue()) {
                if (++i >= parts.length || parts[i].isEmpty()) {
                    throw invalid(text, "lacks the value of /" + p.text());
                }
                value = parts[i];
            }
            out.add(MultiaddrComponent.of(p, value));
        }
        return new Multiaddr(out);
    }

    /** Parses the binary form. */
    public static Multiaddr fromBytes(byte[] raw) throws HamsterException {
        try {
            ByteReader r = new ByteReader(raw);
            List<MultiaddrComponent> out = new ArrayList<>();
            while (r.hasRemaining()) {
                long code = r.readVarint();
                MultiaddrProtocol p = MultiaddrProtocol.byCode(code)
                        .orElseThrow(() -> new WireException("unknown protocol code " + code));
                int size = p.sizeBits() == MultiaddrProtocol.Size.VARIABLE ? r.readVarint(MAX_VALUE) : p.sizeBits() / 8;
                out.add(MultiaddrComponent.ofRaw(p, r.readBytes(size)));
            }
            if (out.isEmpty()) {
                throw new WireException("is empty");
            }
            return new Multiaddr(out);
        } catch (WireException e) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "binary multiaddr: " + e.getMessage());
        }
    }

    /** {@code /ip4/<addr>/tcp/<port>} or {@code /ip6/<addr>/tcp/<port>} of a resolved socket address. */
    public static Multiaddr tcp(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        MultiaddrProtocol family = ip.length == 4 ? MultiaddrProtocol.IP4 : MultiaddrProtocol.IP6;
        byte[] port = {(byte) (address.getPort() >>> 8), (byte) address.getPort()};
        return new Multiaddr(List.of(MultiaddrComponent.ofRaw(family, ip),
                MultiaddrComponent.ofRaw(MultiaddrProtocol.TCP, port)));
    }

    public List<MultiaddrComponent> components() {
        return components;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** This address followed by {@code inner}, e.g. a relay address encapsulating {@code /p2p-circuit/p2p/<peer>}. */
    public Multiaddr encapsulate(Multiaddr inner) {
        List<MultiaddrComponent> all = new ArrayList<>(components);
        all.addAll(inner.components);
        return new Multiaddr(all);
    }

    /** This address ending in {@code /p2p/<peer>} (unchanged when it already ends so). */
    public Multiaddr withPeerId(PeerId peer) {
        if (peerId().filter(peer::equals).isPresent()) {
            return this;
        }
        List<MultiaddrComponent> all = new ArrayList<>(components);
        all.add(MultiaddrComponent.ofRaw(MultiaddrProtocol.P2P, peer.toBytes()));
        return new Multiaddr(all);
    }

    /** The peer of a trailing {@code /p2p/<peer>}. */
    public Optional<PeerId> peerId() {
        MultiaddrComponent last = components.get(components.size() - 1);
        if (last.protocol() != MultiaddrProtocol.P2P) {
            return Optional.empty();
        }
        try {
            return Optional.of(PeerId.fromBytes(last.raw()));
        } catch (HamsterException e) {
            throw new IllegalStateException("validated when built", e);
        }
    }

    /** This address without a trailing {@code /p2p/<peer>}; unchanged if it has none or is only that. */
    public Multiaddr withoutPeerId() {
        if (peerId().isEmpty() || components.size() == 1) {
            return this;
        }
        return new Multiaddr(components.subList(0, components.size() - 1));
    }

    public boolean has(MultiaddrProtocol protocol) {
        return components.stream().anyMatch(c -> c.protocol() == protocol);
    }

    /** The value of the first component of {@code protocol}. */
    public Optional<String> value(MultiaddrProtocol protocol) {
        return components.stream().filter(c -> c.protocol() == protocol).map(MultiaddrComponent::value).findFirst();
    }

    /** True for circuit-relay addresses ({@code .../p2p-circuit/...}). */
    public boolean isRelayed() {
        return has(MultiaddrProtocol.P2P_CIRCUIT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multiaddr m && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }

    private static HamsterException invalid(String text, String problem) {
        return new HamsterException(ErrorCode.INVALID_INPUT, "multiaddr " + text + " " + problem);
    }
}

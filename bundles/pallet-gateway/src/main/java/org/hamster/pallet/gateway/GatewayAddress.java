package org.hamster.pallet.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A gateway address the chain accepts: a multiaddr text of the shape
 * <pre>
 *   /(ip4|ip6|dns|dns4|dns6)/&lt;host&gt; / (tcp/&lt;port&gt;[/ws|/wss] | udp/&lt;port&gt;/quic-v1) / p2p/&lt;peer id&gt;
 * </pre>
 * e.g. {@code /ip4/1.2.3.4/tcp/4001/p2p/12D3KooW...} or {@code /dns4/gw.example.org/tcp/443/wss/p2p/12D3KooW...}:
 * one host, one dialable transport, the peer id last. Anything else is refused with the {@link GatewayError} that
 * names the problem. IPv6 hosts are printed in RFC 5952 form and DNS names in lower case, so every address has
 * one canonical text ({@link #multiaddr()}), which is what the chain stores.
 *
 * Only {@link #parse} makes one: {@link #multiaddr()} is the canonical text, {@link #peerId()} the base58btc peer
 * id that ends it, and {@link #publicHost()} false for loopback, private, link-local, documentation and
 * {@code localhost} hosts.
 */
public final class GatewayAddress {
    /** The protocols a gateway address may name. */
    public static final Set<String> PROTOCOLS = Set.of("ip4", "ip6", "dns", "dns4", "dns6", "tcp", "udp", "quic-v1",
            "ws", "wss", "p2p");
    private final String multiaddr;
    private final String peerId;
    private final boolean publicHost;

    private GatewayAddress(String multiaddr, String peerId, boolean publicHost) {
        this.multiaddr = multiaddr;
        this.peerId = peerId;
        this.publicHost = publicHost;
    }

    public String multiaddr() {
        return multiaddr;
    }

    public String peerId() {
        return peerId;
    }

    public boolean publicHost() {
        return publicHost;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayAddress a && a.multiaddr.equals(multiaddr);
    }

    @Override
    public int hashCode() {
        return multiaddr.hashCode();
    }

    @Override
    public String toString() {
        return multiaddr;
    }

    /** Parses UTF-8 text (as carried by register_gateway); bytes that are not UTF-8 are InvalidMultiaddr. */
    public static GatewayAddress parse(byte[] utf8) throws InvalidGatewayAddress {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("multiaddr is not valid UTF-8 text");
        }
        return parse(text);
    }

    public static GatewayAddress parse(String text) throws InvalidGatewayAddress {
        if (text.isEmpty() || text.charAt(0) != '/') {
            throw invalid("multiaddr " + InvalidGatewayAddress.quote(text) + " does not start with '/'");
        }
        Cursor c = new Cursor(text.substring(1).split("/", -1));
        List<String> out = new ArrayList<>(8);
        String hostProto = c.protocol();
        if (hostProto == null) {
            throw invalid("multiaddr is empty");
        }
        HostSyntax.Host host = switch (hostProto) {
            case "ip4" -> HostSyntax.ip4(c.value(hostProto));
            case "ip6" -> HostSyntax.ip6(c.value(hostProto));
            case "dns", "dns4", "dns6" -> HostSyntax.dns(c.value(hostProto));
            default -> throw invalid("a gateway multiaddr starts with ip4, ip6, dns, dns4 or dns6, not " + hostProto);
        };
        out.add(hostProto);
        out.add(host.text());
        String transport = c.protocol();
        if (transport == null || transport.equals("p2p")) {
            throw invalid("the host must be followed by tcp/<port> or udp/<port>/quic-v1");
        }
        switch (transport) {
            case "tcp" -> {
                out.add("tcp");
                out.add(Integer.toString(HostSyntax.port("tcp", c.value("tcp"))));
                String ws = c.peek();
                if ("ws".equals(ws) || "wss".equals(ws)) {
                    out.add(c.protocol());
                }
            }
            case "udp" -> {
                out.add("udp");
                out.add(Integer.toString(HostSyntax.port("udp", c.value("udp"))));
                if (!"quic-v1".equals(c.protocol())) {
                    throw invalid("udp must be followed by quic-v1 (libp2p has no plain UDP transport)");
                }
                out.add("quic-v1");
            }
            default -> throw invalid("the host must be followed by tcp or udp, not " + transport);
        }
        String last = c.protocol();
        if (last == null) {
            throw new InvalidGatewayAddress(GatewayError.MissingPeerId, "a gateway multiaddr ends with /p2p/<peer id>");
        }
        if (!last.equals("p2p")) {
            throw invalid(last + " cannot follow the transport; a gateway multiaddr ends with /p2p/<peer id>");
        }
        if (c.atEnd()) {
            throw new InvalidGatewayAddress(GatewayError.MissingPeerId, "/p2p needs a peer id");
        }
        String peerId = c.next();
        PeerIds.check(peerId);
        if (!c.atEnd()) {
            String extra = c.protocol();
            throw invalid("/p2p/<peer id> must be the last component of a gateway multiaddr, not followed by " + extra);
        }
        out.add("p2p");
        out.add(peerId);
        return new GatewayAddress("/" + String.join("/", out), peerId, host.reach() == HostSyntax.Reach.PUBLIC);
    }

    private static InvalidGatewayAddress invalid(String message) {
        return new InvalidGatewayAddress(GatewayError.InvalidMultiaddr, message);
    }

    /** Walks the components between the slashes. */
    private static final class Cursor {
        private final String[] parts;
        private int i;

        Cursor(String[] parts) {
            this.parts = parts;
        }

        boolean atEnd() {
            return i >= parts.length;
        }

        String next() {
            return parts[i++];
        }

        /** The next protocol name without consuming it, or null at the end. */
        String peek() {
            return atEnd() ? null : parts[i];
        }

        /** The next protocol name (null at the end); UnsupportedProtocol for a name outside PROTOCOLS. */
        String protocol() throws InvalidGatewayAddress {
            if (atEnd()) {
                return null;
            }
            String p = next();
            if (p.isEmpty()) {
                throw invalid("multiaddr has an empty component (a doubled or trailing '/')");
            }
            if (!PROTOCOLS.contains(p)) {
                throw new InvalidGatewayAddress(GatewayError.UnsupportedProtocol,
                        "protocol " + InvalidGatewayAddress.quote(p) + " is not supported for gateways (allowed: "
                                + "ip4, ip6, dns, dns4, dns6, tcp, udp, quic-v1, ws, wss, p2p)");
            }
            return p;
        }

        String value(String protocol) throws InvalidGatewayAddress {
            if (atEnd()) {
                throw invalid(protocol + " needs a value");
            }
            return next();
        }
    }
}

package org.hamster.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.hamster.common.HamsterException;
import org.junit.jupiter.api.Test;

class MultiaddrTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String PEER = PeerIdTest.SPEC_ED25519_ID;

    @Test
    void specExampleInTextAndBinary() throws HamsterException {
        // multiaddr repository, test/multiaddr.feature
        Multiaddr m = Multiaddr.parse("/ip4/192.0.2.42/tcp/443");
        assertEquals("04c000022a0601bb", HEX.formatHex(m.toBytes()));
        assertEquals(m, Multiaddr.fromBytes(HEX.parseHex("04c000022a0601bb")));
        assertEquals("/ip4/192.0.2.42/tcp/443", Multiaddr.fromBytes(m.toBytes()).toString());
        assertEquals(2, m.components().size());
        assertEquals("443", m.value(MultiaddrProtocol.TCP).orElseThrow());
    }

    @Test
    void roundTripsEveryProtocol() throws HamsterException {
        String[] texts = {
            "/ip4/127.0.0.1/tcp/4001/p2p/" + PEER,
            "/ip6/::1/tcp/0",
            "/ip6/2001:db8::1/udp/4001/quic-v1/p2p/" + PEER,
            "/dns/example.org/tcp/443/wss",
            "/dns4/gw.example.org/tcp/80/ws/p2p/" + PEER,
            "/dns6/v6.example.org/udp/53/quic",
            "/dnsaddr/bootstrap.libp2p.io",
            "/ip4/1.2.3.4/tcp/4001/tls/ws",
            "/ip4/1.2.3.4/tcp/4001/p2p/" + PEER + "/p2p-circuit/p2p/" + PeerIdTest.SPEC_RSA,
            "/p2p/" + PEER,
            "/p2p-circuit",
        };
        for (String t : texts) {
            Multiaddr m = Multiaddr.parse(t);
            assertEquals(t, m.toString());
            assertEquals(m, Multiaddr.fromBytes(m.toBytes()));
            assertEquals(t, Multiaddr.fromBytes(m.toBytes()).toString());
        }
    }

    @Test
    void canonicalisesIpv6AndAliases() throws HamsterException {
        assertEquals("/ip6/2001:db8::1:0:0:1/tcp/1", Multiaddr.parse("/ip6/2001:0DB8:0:0:1:0:0:1/tcp/1").toString());
        assertEquals("/ip6/::/tcp/1", Multiaddr.parse("/ip6/0:0:0:0:0:0:0:0/tcp/1").toString());
        assertEquals("/ip6/2001:db8:0:1:1:1:1:1/tcp/1", Multiaddr.parse("/ip6/2001:db8::1:1:1:1:1/tcp/1").toString());
        assertEquals("/ip6/::ffff:192.0.2.1/tcp/1", Multiaddr.parse("/ip6/::ffff:192.0.2.1/tcp/1").toString());
        assertEquals("/ip6/fe80::1:0:0:0/tcp/1", Multiaddr.parse("/ip6/fe80:0:0:0:1::/tcp/1").toString());
        assertEquals("/p2p/" + PeerIdTest.SPEC_RSA, Multiaddr.parse("/ipfs/" + PeerIdTest.SPEC_CID).toString());
    }

    @Test
    void peerIdHelpers() throws HamsterException {
        PeerId peer = PeerId.parse(PEER);
        Multiaddr base = Multiaddr.parse("/ip4/10.0.0.1/tcp/4001");
        Multiaddr full = base.withPeerId(peer);
        assertEquals(peer, full.peerId().orElseThrow());
        assertEquals(full, full.withPeerId(peer));
        assertEquals(base, full.withoutPeerId());
        assertTrue(base.peerId().isEmpty());
        Multiaddr relayed = full.encapsulate(Multiaddr.parse("/p2p-circuit/p2p/" + PeerIdTest.SPEC_RSA));
        assertTrue(relayed.isRelayed());
        assertFalse(full.isRelayed());
        assertEquals(PeerIdTest.SPEC_RSA, relayed.peerId().orElseThrow().toString());
        assertEquals("/ip4/127.0.0.1/tcp/9", Multiaddr.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9))
                .toString());
    }

    @Test
    void rejectsMalformedText() {
        String[] bad = {"", "/", "ip4/1.2.3.4", "/ip4", "/ip4/1.2.3", "/ip4/1.2.3.256", "/ip4/01.2.3.4",
            "/ip4/1.2.3.4/tcp", "/ip4/1.2.3.4/tcp/65536", "/ip4/1.2.3.4/tcp/-1", "/ip4/1.2.3.4/tcp/0x10",
            "/ip4/1.2.3.4//tcp/1", "/ip4/1.2.3.4/tcp/1/", "/ip6/1.2.3.4", "/ip6/::1%eth0", "/ip6/example.org",
            "/dns4/a b", "/foo/bar", "/p2p/notapeer", "/p2p-circuit/x", "/tcp/१२", "/ip6/１::"};
        for (String s : bad) {
            assertThrows(HamsterException.class, () -> Multiaddr.parse(s), s);
        }
        assertThrows(HamsterException.class, () -> Multiaddr.parse("/dns/" + "a".repeat(256)));
    }

    @Test
    void rejectsMalformedBinary() {
        String[] bad = {"", "04c00002", "ff", "8002", "0601", "3505616263", "35 00".replace(" ", ""),
            "a503" + "221220", "a5031220", "9102", "0401020304ff"};
        for (String s : bad) {
            assertThrows(HamsterException.class, () -> Multiaddr.fromBytes(HEX.parseHex(s)), s);
        }
    }
}

package org.hamster.pallet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.hamster.common.Hex;
import org.hamster.crypto.Base58;
import org.hamster.crypto.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayAddressTest {
    /** libp2p peer-id spec vector: this Ed25519 key (seed 7e08...) has peer id 12D3KooWBtg3... */
    static final String SPEC_SEED = "7e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d";
    static final String SPEC_KEY = "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    static final String SPEC_PEER = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";
    /** An RSA peer (sha2-256 multihash) as go-libp2p prints it. */
    static final String RSA_PEER = "QmRLoXS3E73psYaUsma1VSbboTa2J8Z9kso1tpiGLk9WQ4";
    /** The original network's public bootstrap gateway (go-ipfs Ed25519 identity). */
    static final String IPFS_PEER = "12D3KooWHPbFSqWiKgh1QzuX64otKZNfYuUu1cYRmfCWnxEqjb5k";
    static final String P = SPEC_PEER;

    private static GatewayAddress ok(String text) {
        try {
            GatewayAddress a = GatewayAddress.parse(text);
            assertEquals(a, GatewayAddress.parse(a.multiaddr()), "the canonical text parses to itself");
            return a;
        } catch (InvalidGatewayAddress e) {
            throw new AssertionError(text + " refused: " + e.getMessage(), e);
        }
    }

    private static InvalidGatewayAddress bad(String text) {
        return assertThrows(InvalidGatewayAddress.class, () -> GatewayAddress.parse(text), text);
    }

    @Test
    void peerIdsFollowTheLibp2pSpec() throws Exception {
        assertEquals(SPEC_KEY, Hex.encode(Ed25519.fromSeed(Hex.decode(SPEC_SEED)).publicKey()).replace("0x", ""));
        assertEquals(SPEC_PEER, PeerIds.ofEd25519(Hex.decode(SPEC_KEY)));
        PeerIds.check(SPEC_PEER);
        PeerIds.check(RSA_PEER);
        PeerIds.check(IPFS_PEER);
        for (int i = 0; i < 20; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            String id = PeerIds.ofEd25519(Ed25519.fromSeed(seed).publicKey());
            assertTrue(id.startsWith("12D3KooW"), id);
            PeerIds.check(id);
        }
        assertThrows(IllegalArgumentException.class, () -> PeerIds.ofEd25519(new byte[31]));
    }

    @Test
    void acceptsEveryTransportShape() {
        assertEquals("/ip4/1.2.3.4/tcp/4001/p2p/" + P, ok("/ip4/1.2.3.4/tcp/4001/p2p/" + P).multiaddr());
        GatewayAddress a = ok("/ip4/1.2.3.4/tcp/4001/p2p/" + P);
        assertEquals(P, a.peerId());
        assertTrue(a.publicHost());
        ok("/ip4/8.8.8.8/tcp/443/wss/p2p/" + P);
        ok("/ip4/8.8.8.8/tcp/80/ws/p2p/" + RSA_PEER);
        ok("/ip4/8.8.8.8/udp/4001/quic-v1/p2p/" + P);
        ok("/dns/gw.example.org/tcp/443/wss/p2p/" + P);
        ok("/dns6/gw.example.org/udp/65535/quic-v1/p2p/" + P);
        ok("/ip6/2001:4860:4860::8888/tcp/4001/p2p/" + IPFS_PEER);
    }

    @Test
    void printsOneCanonicalText() {
        assertEquals("/dns4/gw-1.example.org/tcp/443/wss/p2p/" + P,
                ok("/dns4/GW-1.Example.ORG/tcp/443/wss/p2p/" + P).multiaddr());
        assertEquals("/ip6/2001:db8::1/tcp/1/p2p/" + P, ok("/ip6/2001:0DB8:0000:0000:0000:0000:0000:0001/tcp/1/p2p/"
                + P).multiaddr());
        assertEquals("/ip6/2001:db8:0:1:1:1:1:1/tcp/1/p2p/" + P, ok("/ip6/2001:db8:0:1:1:1:1:1/tcp/1/p2p/" + P)
                .multiaddr(), "a single zero group is not compressed");
        assertEquals("/ip6/2001:0:0:1::1/tcp/1/p2p/" + P, ok("/ip6/2001:0:0:1:0:0:0:1/tcp/1/p2p/" + P).multiaddr(),
                "the longest zero run is compressed");
        assertEquals("/ip6/2001:db8::1:0:0:1/tcp/1/p2p/" + P, ok("/ip6/2001:db8:0:0:1:0:0:1/tcp/1/p2p/" + P)
                .multiaddr(), "of equal runs the first is compressed");
        assertEquals("/ip6/::ffff:8.8.8.8/tcp/1/p2p/" + P, ok("/ip6/::FFFF:0808:0808/tcp/1/p2p/" + P).multiaddr());
        assertEquals("/ip6/1::/tcp/1/p2p/" + P, ok("/ip6/1:0:0:0:0:0:0:0/tcp/1/p2p/" + P).multiaddr());
        assertEquals("/ip6/2606:4700::102:304/tcp/1/p2p/" + P, ok("/ip6/2606:4700::1.2.3.4/tcp/1/p2p/" + P)
                .multiaddr(), "an embedded IPv4 tail of a non-mapped address prints as hex");
        assertEquals(GatewayError.InvalidMultiaddr, bad("/ip6/2606:4700::1.2.3.4:5/tcp/1/p2p/" + P).error());
    }

    @Test
    void classifiesNonPublicHosts() {
        for (String host : List.of("ip4/127.0.0.1", "ip4/10.1.2.3", "ip4/172.16.0.1", "ip4/172.31.255.255",
                "ip4/192.168.1.1", "ip4/169.254.0.1", "ip4/100.64.0.1", "ip4/192.0.2.1", "ip4/203.0.113.9",
                "ip6/::1", "ip6/fe80::1", "ip6/fd00::1", "ip6/2001:db8::5", "ip6/::ffff:10.0.0.1",
                "dns4/localhost", "dns/a.b.LOCALHOST")) {
            assertFalse(ok("/" + host + "/tcp/4001/p2p/" + P).publicHost(), host);
        }
        for (String host : List.of("ip4/1.1.1.1", "ip4/172.32.0.1", "ip4/100.128.0.1", "ip6/2a00::1",
                "ip6/::ffff:1.1.1.1", "dns/localhost.example.org")) {
            assertTrue(ok("/" + host + "/tcp/4001/p2p/" + P).publicHost(), host);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                               | InvalidMultiaddr",
        "ip4/1.2.3.4/tcp/1/p2p/PEER                      | InvalidMultiaddr",
        "/                                                | InvalidMultiaddr",
        "//ip4/1.2.3.4/tcp/1/p2p/PEER                     | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/p2p/PEER/                     | InvalidMultiaddr",
        "/ip4/1.2.3.4//tcp/1/p2p/PEER                     | InvalidMultiaddr",
        "/ip4                                             | InvalidMultiaddr",
        "/ip4/1.2.3/tcp/1/p2p/PEER                        | InvalidMultiaddr",
        "/ip4/1.2.3.4.5/tcp/1/p2p/PEER                    | InvalidMultiaddr",
        "/ip4/1.2.3.256/tcp/1/p2p/PEER                    | InvalidMultiaddr",
        "/ip4/01.2.3.4/tcp/1/p2p/PEER                     | InvalidMultiaddr",
        "/ip4/1.2.3.-4/tcp/1/p2p/PEER                     | InvalidMultiaddr",
        "/ip4/1.2.3.4 /tcp/1/p2p/PEER                     | InvalidMultiaddr",
        "/ip6/1.2.3.4/tcp/1/p2p/PEER                      | InvalidMultiaddr",
        "/ip6/1::2::3/tcp/1/p2p/PEER                      | InvalidMultiaddr",
        "/ip6/1:2:3:4:5:6:7/tcp/1/p2p/PEER                | InvalidMultiaddr",
        "/ip6/1:2:3:4:5:6:7:8:9/tcp/1/p2p/PEER            | InvalidMultiaddr",
        "/ip6/1:2:3:4::5:6:7:8/tcp/1/p2p/PEER             | InvalidMultiaddr",
        "/ip6/12345::1/tcp/1/p2p/PEER                     | InvalidMultiaddr",
        "/ip6/g::1/tcp/1/p2p/PEER                         | InvalidMultiaddr",
        "/ip6/:1::2/tcp/1/p2p/PEER                        | InvalidMultiaddr",
        "/ip6/1.2.3.4::1/tcp/1/p2p/PEER                   | InvalidMultiaddr",
        "/ip6/fe80::1%eth0/tcp/1/p2p/PEER                 | InvalidMultiaddr",
        "/dns4/-bad.example/tcp/1/p2p/PEER                | InvalidMultiaddr",
        "/dns4/bad-.example/tcp/1/p2p/PEER                | InvalidMultiaddr",
        "/dns4/a..b/tcp/1/p2p/PEER                        | InvalidMultiaddr",
        "/dns4/example.org./tcp/1/p2p/PEER                | InvalidMultiaddr",
        "/dns4/ex_ample.org/tcp/1/p2p/PEER                | InvalidMultiaddr",
        "/dns4/exämple.org/tcp/1/p2p/PEER                 | InvalidMultiaddr",
        "/tcp/1/p2p/PEER                                  | InvalidMultiaddr",
        "/p2p/PEER                                        | InvalidMultiaddr",
        "/ip4/1.2.3.4/p2p/PEER                            | InvalidMultiaddr",
        "/ip4/1.2.3.4/ip4/1.2.3.4/tcp/1/p2p/PEER          | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/tcp/2/p2p/PEER                | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/quic-v1/p2p/PEER              | InvalidMultiaddr",
        "/ip4/1.2.3.4/udp/1/p2p/PEER                      | InvalidMultiaddr",
        "/ip4/1.2.3.4/udp/1/ws/p2p/PEER                   | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/ws/wss/p2p/PEER               | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/65536/p2p/PEER                  | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/04001/p2p/PEER                  | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/+1/p2p/PEER                     | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/p2p/PEER/p2p/PEER             | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/p2p/PEER/tcp/1                | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/ws                            | MissingPeerId",
        "/ip4/1.2.3.4/tcp/1                               | MissingPeerId",
        "/ip4/1.2.3.4/tcp/1/p2p                           | MissingPeerId",
        "/ip4/1.2.3.4/tcp/1/p2p/                          | InvalidPeerId",
        "/ip4/1.2.3.4/tcp/1/p2p/12D3KooW                  | InvalidPeerId",
        "/ip4/1.2.3.4/tcp/1/p2p/0OIl                      | InvalidPeerId",
        "/ip4/1.2.3.4/tcp/1/p2p/QmRLoXS3E73psYaUsma1VSbboTa2J8Z9kso1tpiGLk9WQ5X | InvalidPeerId",
        "/ip4/1.2.3.4/tcp/1/p2p/bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe | InvalidPeerId",
        "/IP4/1.2.3.4/tcp/1/p2p/PEER                      | UnsupportedProtocol",
        "/ip4/1.2.3.4/tcp/1/tls/ws/p2p/PEER               | UnsupportedProtocol",
        "/ip4/1.2.3.4/udp/1/quic/p2p/PEER                 | UnsupportedProtocol",
        "/ip4/1.2.3.4/udp/1/quic-v1/webtransport/p2p/PEER | UnsupportedProtocol",
        "/ip4/1.2.3.4/tcp/1/p2p/PEER/p2p-circuit          | UnsupportedProtocol",
        "/ip4/1.2.3.4/tcp/1/p2p/PEER/ws                   | InvalidMultiaddr",
        "/ip4/1.2.3.4/tcp/1/ipfs/PEER                     | UnsupportedProtocol",
        "/unix/tmp/sock                                   | UnsupportedProtocol",
        "/ip4/0.0.0.0/tcp/1/p2p/PEER                      | UndialableAddress",
        "/ip4/0.1.2.3/tcp/1/p2p/PEER                      | UndialableAddress",
        "/ip4/224.0.0.1/tcp/1/p2p/PEER                    | UndialableAddress",
        "/ip4/255.255.255.255/tcp/1/p2p/PEER              | UndialableAddress",
        "/ip6/::/tcp/1/p2p/PEER                           | UndialableAddress",
        "/ip6/ff02::1/tcp/1/p2p/PEER                      | UndialableAddress",
        "/ip6/::ffff:0.0.0.0/tcp/1/p2p/PEER               | UndialableAddress",
        "/ip4/1.2.3.4/tcp/0/p2p/PEER                      | UndialableAddress",
        "/ip4/1.2.3.4/udp/0/quic-v1/p2p/PEER              | UndialableAddress"})
    void refusesWithAPreciseError(String text, GatewayError expected) {
        InvalidGatewayAddress e = bad(text.replace("PEER", P));
        assertEquals(expected, e.error(), e.getMessage());
        assertNotNull(e.getMessage());
    }

    @Test
    void refusesPeerIdsOfOtherShapes() throws Exception {
        byte[] key = Hex.decode(SPEC_KEY);
        byte[] secp = new byte[2 + 4 + 33];
        secp[1] = 37;
        System.arraycopy(new byte[] {8, 2, 0x12, 33}, 0, secp, 2, 4);
        secp[6] = 2;
        byte[] sha1Like = new byte[22];
        sha1Like[0] = 0x11;
        sha1Like[1] = 20;
        byte[] shortSha = new byte[33];
        shortSha[0] = 0x12;
        shortSha[1] = 31;
        byte[] lengthLies = Base58.decode(SPEC_PEER);
        lengthLies[1] = 35;
        byte[] notAPoint = Base58.decode(SPEC_PEER);
        java.util.Arrays.fill(notAPoint, 6, notAPoint.length, (byte) 0);
        for (int y = 2; Ed25519.verifyingKey(java.util.Arrays.copyOfRange(notAPoint, 6, 38)).isValid(); y++) {
            notAPoint[6] = (byte) y; // the first small y that is no curve point's
        }
        for (byte[] mh : List.of(secp, sha1Like, shortSha, lengthLies, notAPoint, new byte[] {0}, new byte[0])) {
            String text = Base58.encode(mh);
            InvalidGatewayAddress e = bad("/ip4/1.2.3.4/tcp/1/p2p/" + text);
            assertEquals(GatewayError.InvalidPeerId, e.error(), text + ": " + e.getMessage());
        }
        assertEquals(GatewayError.InvalidPeerId, bad("/ip4/1.2.3.4/tcp/1/p2p/1" + SPEC_PEER).error(),
                "an extra leading zero byte");
        assertEquals(GatewayError.InvalidPeerId, bad("/ip4/1.2.3.4/tcp/1/p2p/" + "z".repeat(65)).error());
        assertEquals(SPEC_PEER, PeerIds.ofEd25519(key));
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] raw = ("/dns4/a" + "\u00e9" + "/tcp/1/p2p/" + P).getBytes(StandardCharsets.UTF_8);
        raw[7] = (byte) 0xff;
        InvalidGatewayAddress e = assertThrows(InvalidGatewayAddress.class, () -> GatewayAddress.parse(raw));
        assertEquals(GatewayError.InvalidMultiaddr, e.error());
        assertTrue(bad("/dns4/a\u0000b/tcp/1/p2p/" + P).getMessage().contains("\\x00"), "control characters quoted");
    }

    /** Random bytes, random token soup and mutations of valid addresses: a clean verdict every time. */
    @Test
    void fuzzedInputEitherParsesCanonicallyOrFailsCleanly() {
        Random rnd = new Random(0x6a7e);
        String[] tokens = {"", "ip4", "ip6", "dns", "dns4", "dns6", "tcp", "udp", "quic-v1", "ws", "wss", "p2p", "1",
            "4001", "0", "65536", "1.2.3.4", "127.0.0.1", "::1", "2001:db8::", "::ffff:1.2.3.4", "example.org",
            "LOCALHOST", P, RSA_PEER, "Qm", "12D3KooW", "x", "%", "\u00e9", "/"};
        List<String> valid = List.of("/ip4/1.2.3.4/tcp/4001/p2p/" + P, "/ip6/2001:db8::1/udp/9/quic-v1/p2p/" + P,
                "/dns4/gw.example.org/tcp/443/wss/p2p/" + RSA_PEER);
        int accepted = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] input;
            switch (round % 3) {
                case 0 -> {
                    input = new byte[rnd.nextInt(120)];
                    rnd.nextBytes(input);
                    if (input.length > 0 && rnd.nextBoolean()) {
                        input[0] = '/';
                    }
                }
                case 1 -> {
                    StringBuilder sb = new StringBuilder();
                    for (int n = rnd.nextInt(9); n >= 0; n--) {
                        sb.append('/').append(tokens[rnd.nextInt(tokens.length)]);
                    }
                    input = sb.toString().getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    input = valid.get(rnd.nextInt(valid.size())).getBytes(StandardCharsets.UTF_8);
                    for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
                        int at = rnd.nextInt(input.length);
                        input[at] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256)
                                : (byte) "/.:0123456789abcdefQm-".charAt(rnd.nextInt(22));
                    }
                }
            }
            try {
                GatewayAddress a = GatewayAddress.parse(input);
                assertEquals(a, GatewayAddress.parse(a.multiaddr()), "canonical fixpoint");
                assertTrue(a.multiaddr().endsWith("/p2p/" + a.peerId()));
                accepted++;
            } catch (InvalidGatewayAddress e) {
                assertNotNull(e.error());
            } catch (RuntimeException e) {
                throw new AssertionError("input " + Hex.encode(input) + " threw " + e, e);
            }
        }
        assertTrue(accepted > 100, "the mutations keep some addresses valid: " + accepted);
    }
}

package org.hamster.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Base58;
import org.junit.jupiter.api.Test;

class PeerIdTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Test vectors of the peer-id spec (libp2p/specs peer-ids/peer-ids.md). */
    static final String SPEC_ED25519_PRIVATE = "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60"
            + "fee7d1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    static final String SPEC_ED25519_PUBLIC = "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d47"
            + "4fce27e";
    /** The peer-id spec's examples of the two text forms of one sha2-256 peer id, and of an Ed25519 one. */
    static final String SPEC_CID = "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe";
    static final String SPEC_RSA = "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N";
    static final String SPEC_ED25519_ID = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

    @Test
    void specEd25519KeyGivesItsIdentityPeerId() throws HamsterException {
        Identity id = Identity.fromPrivateKeyProtobuf(HEX.parseHex(SPEC_ED25519_PRIVATE));
        assertEquals(SPEC_ED25519_PUBLIC, HEX.formatHex(id.publicKeyProtobuf()));
        PeerId peer = id.peerId();
        assertEquals("0024" + SPEC_ED25519_PUBLIC, HEX.formatHex(peer.toBytes())); // identity multihash, 36 bytes
        assertEquals("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq", peer.toBase58());
        assertEquals(peer, PeerId.fromEd25519PublicKey(id.publicKey()));
        assertArrayEquals(id.publicKey(), peer.ed25519PublicKey().orElseThrow());
        assertEquals(SPEC_ED25519_PRIVATE, HEX.formatHex(id.toPrivateKeyProtobuf()));
    }

    @Test
    void cidAndBase58FormsAreTheSamePeer() throws HamsterException {
        PeerId fromCid = PeerId.parse(SPEC_CID);
        PeerId fromBase58 = PeerId.parse(SPEC_RSA);
        assertEquals(fromBase58, fromCid);
        assertEquals(SPEC_RSA, fromCid.toString());
        assertEquals(SPEC_CID, fromBase58.toCid());
        assertTrue(fromBase58.ed25519PublicKey().isEmpty());
        PeerId ed = PeerId.parse(SPEC_ED25519_ID);
        assertEquals(SPEC_ED25519_ID, ed.toBase58());
        assertEquals(ed, PeerId.parse(ed.toCid()));
        assertEquals(ed, PeerId.fromBytes(ed.toBytes()));
        assertTrue(ed.ed25519PublicKey().isPresent());
        assertEquals(ed, PeerId.parse("z" + Base58.encode(HEX.parseHex("0172" + HEX.formatHex(ed.toBytes())))));
    }

    @Test
    void largeKeysAreHashed() {
        PeerId p = PeerId.fromPublicKeyProtobuf(new byte[300]);
        assertEquals(0x12, p.toBytes()[0]);
        assertEquals(34, p.toBytes().length);
        assertTrue(p.toBase58().startsWith("Qm"));
    }

    @Test
    void freshIdentitiesHaveDistinctEd25519PeerIds() {
        PeerId a = Identity.generate().peerId();
        PeerId b = Identity.generate().peerId();
        assertNotEquals(a, b);
        assertTrue(a.toBase58().startsWith("12D3KooW"));
        assertEquals(52, a.toBase58().length());
    }

    @Test
    void rejectsMalformedPeerIds() {
        String[] bad = {"", "12D3KooW0", "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5S",
            "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5",
            "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqx1",
            "xyz", "11" + SPEC_RSA.substring(2), "b" + "a".repeat(10), "Qm" + "1".repeat(200)};
        for (String s : bad) {
            assertThrows(HamsterException.class, () -> PeerId.parse(s), s);
        }
        // a CID of another codec (dag-pb 0x70) is not a peer id
        assertThrows(HamsterException.class, () -> PeerId.parse("b" + org.hamster.p2p.internal.Base32.encode(
                HEX.parseHex("0170" + "1220" + "00".repeat(32)))));
        assertThrows(HamsterException.class, () -> PeerId.fromBytes(HEX.parseHex("1220" + "00".repeat(31))));
        assertThrows(HamsterException.class, () -> PeerId.fromBytes(HEX.parseHex("1320" + "00".repeat(32))));
        assertThrows(HamsterException.class, () -> PeerId.fromBytes(HEX.parseHex("0004" + "08011200")));
        assertThrows(HamsterException.class, () -> PeerId.fromBytes(new byte[0]));
        // identity multihash of an Ed25519 "key" that is not a curve point
        String notAPoint = "0024" + "08011220" + "ff".repeat(31) + "7f";
        assertThrows(HamsterException.class, () -> PeerId.fromBytes(HEX.parseHex(notAPoint)));
    }
}

package org.hamster.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenant's settings are checked before anything is stored or sent. */
class SettingsTest {
    /** A well-formed ssh-ed25519 line (type string + 32-byte key). */
    static final String KEY = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob("ssh-ed25519", 32))
            + " tenant@test";

    @TempDir
    Path dir;

    static byte[] blob(String type, int keyBytes) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + t.length + 4 + keyBytes];
        out[3] = (byte) t.length;
        System.arraycopy(t, 0, out, 4, t.length);
        out[4 + t.length + 3] = (byte) keyBytes;
        Arrays.fill(out, 8 + t.length, out.length, (byte) 7);
        return out;
    }

    /** Why {@code c} failed (it must fail with a ClientException). */
    static Reason reason(ThrowingCall c) {
        return assertThrows(ClientException.class, c::run).reason();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void chainUrlIsAWebSocketUrl() throws Exception {
        assertEquals("ws://127.0.0.1:9944", Settings.chainUrl(" ws://127.0.0.1:9944 "));
        assertEquals("wss://node.example:443/rpc", Settings.chainUrl("wss://node.example:443/rpc"));
        for (String bad : new String[] {"http://127.0.0.1:9944", "127.0.0.1:9944", "ws://", "", "ws://a b"}) {
            assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.chainUrl(bad)), bad);
        }
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.chainUrl(null)));
    }

    @Test
    void anSshKeyIsOneWellFormedLineOrAFileHoldingOne() throws Exception {
        assertEquals(KEY, Settings.sshKey("  " + KEY + "\n"));
        Path pub = Files.writeString(dir.resolve("id.pub"), "# my key\n\n" + KEY + "\n");
        assertEquals(KEY, Settings.sshKey(pub.toString()));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.sshKey(dir.resolve("missing.pub").toString())));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.sshKey(Files.writeString(dir.resolve("empty.pub"),
                "# nothing\n").toString())));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.sshKey("")));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.sshKey(null)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.keyLine(KEY + "\nssh-ed25519 AAAA second")),
                "a second line could smuggle in another key");
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.keyLine("ssh-dss AAAAB3NzaC1kc3M=")));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.keyLine("ssh-ed25519 not*base64")));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.keyLine("ssh-ed25519 " + Base64.getEncoder()
                .encodeToString(blob("ssh-rsa", 32)))), "the blob names another type");
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.keyLine("ssh-ed25519")));
        assertTrue(Settings.isKeyLine(KEY));
        assertTrue(!Settings.isKeyLine("/home/me/.ssh/id_ed25519.pub"));
    }

    @Test
    void preferredGatewaysAreMultiaddrsWithAPeerIdOrPeerIds() throws Exception {
        String id = Identity.generate().peerId().toString();
        String addr = "/ip4/127.0.0.1/tcp/4001/p2p/" + id;
        assertEquals(List.of(addr, id), Settings.gateways(Settings.split(" " + addr + " ,, " + id + " ")));
        assertEquals(List.of(), Settings.gateways(Settings.split("")));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.gateways(List.of("/ip4/127.0.0.1/tcp/4001"))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.gateways(List.of("not-a-peer"))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.gateways(List.of("/ip4/1.2.3.4/tcp/x/p2p/" + id))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> Settings.gateways(List.of(addr + "," + id))));
    }

    @Test
    void gatewaysAreTriedPreferredFirstThenTheBootstrapList() throws Exception {
        String a = Identity.generate().peerId().toString();
        String b = Identity.generate().peerId().toString();
        String c = Identity.generate().peerId().toString();
        String aAddr = "/ip4/10.0.0.1/tcp/4001/p2p/" + a;
        String bAddr = "/ip4/10.0.0.2/tcp/4001/p2p/" + b;
        String cAddr = "/ip4/10.0.0.3/tcp/4001/p2p/" + c;
        assertEquals(List.of(Multiaddr.parse(aAddr), Multiaddr.parse(bAddr)),
                Settings.gatewayOrder(List.of(), List.of(aAddr, "garbage", bAddr)));
        // a bare peer id takes its address from the bootstrap list; a full multiaddr is used as given
        assertEquals(List.of(Multiaddr.parse(bAddr), Multiaddr.parse(cAddr), Multiaddr.parse(aAddr)),
                Settings.gatewayOrder(List.of(b, cAddr), List.of(aAddr, bAddr)));
        // one not on the list stays a bare /p2p/<id> for the host to resolve
        assertEquals(List.of(Multiaddr.parse("/p2p/" + c), Multiaddr.parse(aAddr)),
                Settings.gatewayOrder(List.of(c), List.of(aAddr)));
    }
}

package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.Stream;
import org.hamster.forward.ForwardLink;
import org.hamster.forward.ForwardRequest;
import org.hamster.forward.ForwardStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forward protocol between two real hosts on loopback, with a TCP echo server as the leased machine. */
class ForwardServiceTest {
    private static final H256 GENESIS = H256.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private final Ed25519.KeyPair tenantKey = Ed25519.generate();
    private final AccountId tenant = AccountId.of(tenantKey.publicKey());
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private Host provider;
    private Host client;
    private ServerSocket machine;
    private Thread echo;

    @BeforeEach
    void start() throws Exception {
        machine = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        echo = new Thread(this::echoLoop, "machine");
        echo.setDaemon(true);
        echo.start();
        int port = machine.getLocalPort();
        ForwardService service = new ForwardService(GENESIS, (agreement, who) -> agreement == 7 && who.equals(tenant)
                ? Optional.of(port) : agreement == 8 ? Optional.of(1) : Optional.empty(), clock::get);
        provider = Hosts.create(HostConfig.defaults(Identity.generate()));
        provider.setStreamHandler(ForwardRequest.PROTOCOL, service::serve);
        Multiaddr addr = provider.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
        client = Hosts.create(HostConfig.defaults(Identity.generate()));
        client.dial(addr.withPeerId(provider.peerId())).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        provider.close();
        machine.close();
    }

    private void echoLoop() {
        while (!machine.isClosed()) {
            try (Socket s = machine.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (Exception e) {
                // closed
            }
        }
    }

    /** A request valid for {@code validMs} by the service's clock. */
    private ForwardRequest request(long agreement, AccountId who, H256 genesis, long validMs) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return new ForwardRequest(agreement, who, clock.get() + validMs, genesis, nonce);
    }

    private Stream open() throws Exception {
        return client.newStream(provider.peerId(), ForwardRequest.PROTOCOL).get(10, TimeUnit.SECONDS);
    }

    /** Sends {@code request}, returns the status and the stream. */
    private ForwardStatus ask(Stream s, byte[] request) throws Exception {
        s.write(request).get(10, TimeUnit.SECONDS);
        byte[] head = s.read().get(10, TimeUnit.SECONDS);
        assertTrue(head.length >= 3, "a status and a reason length");
        return ForwardStatus.of(head[0]);
    }

    @Test
    void theTenantReachesItsMachineByteExact() throws Exception {
        Stream s = open();
        assertEquals(ForwardStatus.OK, ask(s, request(7, tenant, GENESIS, 60_000).sign(tenantKey)));
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + i / 251);
        }
        s.write(data);
        s.closeWrite();
        byte[] back = new byte[data.length];
        int got = 0;
        for (byte[] chunk; (chunk = s.read().get(10, TimeUnit.SECONDS)).length > 0;) {
            System.arraycopy(chunk, 0, back, got, chunk.length);
            got += chunk.length;
        }
        assertEquals(data.length, got, "the machine's end of stream closes the stream");
        assertArrayEquals(data, back);
    }

    @Test
    void everythingElseIsRefusedWithItsReason() throws Exception {
        byte[] good = request(7, tenant, GENESIS, 60_000).sign(tenantKey);
        assertEquals(ForwardStatus.OK, ask(open(), good));
        assertEquals(ForwardStatus.REPLAYED, ask(open(), good));
        byte[] tampered = request(7, tenant, GENESIS, 60_000).sign(tenantKey);
        tampered[3] ^= 1;
        assertEquals(ForwardStatus.BAD_REQUEST, ask(open(), tampered));
        assertEquals(ForwardStatus.WRONG_CHAIN, ask(open(), request(7, tenant, H256.ZERO, 60_000)
                .sign(tenantKey)));
        assertEquals(ForwardStatus.EXPIRED, ask(open(), request(7, tenant, GENESIS, -1).sign(tenantKey)));
        assertEquals(ForwardStatus.EXPIRED, ask(open(), request(7, tenant, GENESIS, 3_600_000)
                .sign(tenantKey)));
        Ed25519.KeyPair stranger = Ed25519.generate();
        assertEquals(ForwardStatus.NOT_ALLOWED, ask(open(), request(7, AccountId.of(
                stranger.publicKey()), GENESIS, 60_000).sign(stranger)));
        assertEquals(ForwardStatus.NOT_ALLOWED, ask(open(), request(99, tenant, GENESIS, 60_000)
                .sign(tenantKey)));
        assertEquals(ForwardStatus.UNAVAILABLE, ask(open(), request(8, tenant, GENESIS, 60_000)
                .sign(tenantKey)));
    }

    @Test
    void aLinkCarriesPlainTcpConnectionsAndReportsRefusals() throws Exception {
        try (ForwardLink link = ForwardLink.open(client, provider.peerId(), 7, tenantKey, GENESIS, 0);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
            s.getOutputStream().write("ping through the link".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            assertEquals("ping through the link", new String(s.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        try (ForwardLink wrong = ForwardLink.open(client, provider.peerId(), 99, tenantKey, GENESIS, 0);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), wrong.port())) {
            s.setSoTimeout(10_000);
            assertEquals(-1, s.getInputStream().read(), "a refused link closes the local connection");
        }
    }

    @Test
    void aShortRequestEndsTheStreamAndTheServiceGoesOn() throws Exception {
        Stream s = open();
        s.write(Arrays.copyOf(new byte[] {1, 2, 3}, 3)).get(10, TimeUnit.SECONDS);
        s.closeWrite();
        try {
            byte[] r = s.read().get(10, TimeUnit.SECONDS);
            assertEquals(0, r.length, "nothing comes back");
        } catch (java.util.concurrent.ExecutionException e) {
            // reset: fine too
        }
        assertEquals(ForwardStatus.OK, ask(open(), request(7, tenant, GENESIS, 60_000).sign(tenantKey)));
    }
}

package org.hamster.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipe between a real libp2p stream (two hosts on loopback) and a real TCP connection to a "machine". */
class SocketPipeTest {
    private static final String PROTOCOL = "/hamster/test-pipe/1";
    private Host server;
    private Host client;
    private ServerSocket machine;
    private final CompletableFuture<Void> piped = new CompletableFuture<>();

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (machine != null) {
            machine.close();
        }
    }

    /** Starts a machine that serves one connection with {@code serve}, and a host piping streams to it. */
    private Stream pipeTo(Consumer<Socket> serve) throws Exception {
        machine = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = machine.accept()) {
                serve.accept(s);
            } catch (Exception e) {
                // closed
            }
        }, "machine");
        t.setDaemon(true);
        t.start();
        server = Hosts.create(HostConfig.defaults(Identity.generate()));
        server.setStreamHandler(PROTOCOL, stream -> {
            try {
                AsynchronousSocketChannel socket = AsynchronousSocketChannel.open();
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), machine.getLocalPort()))
                        .get(10, TimeUnit.SECONDS);
                SocketPipe.start(stream, socket).whenComplete((v, e) -> piped.complete(null));
            } catch (Exception e) {
                stream.reset();
            }
        });
        Multiaddr addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
        client = Hosts.create(HostConfig.defaults(Identity.generate()));
        client.dial(addr.withPeerId(server.peerId())).get(10, TimeUnit.SECONDS);
        return client.newStream(server.peerId(), PROTOCOL).get(10, TimeUnit.SECONDS);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** Reads the stream to its end. */
    private static byte[] readAll(Stream s) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] chunk; (chunk = s.read().get(30, TimeUnit.SECONDS)).length > 0;) {
            all.write(chunk);
        }
        return all.toByteArray();
    }

    /** Writes all of {@code data} in 100 KB pieces, each after the previous one was taken. */
    private static void writeAll(Stream s, byte[] data) throws Exception {
        for (int at = 0; at < data.length; at += 100_000) {
            s.write(java.nio.ByteBuffer.wrap(data, at, Math.min(100_000, data.length - at))).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void bulkBothWaysAtOnceArrivesExactlyAndEndsCleanly() throws Exception {
        byte[] up = random(24 << 20);
        byte[] down = random(16 << 20);
        CompletableFuture<byte[]> machineGot = new CompletableFuture<>();
        Stream s = pipeTo(socket -> {
            try {
                OutputStream out = socket.getOutputStream();
                Thread sender = new Thread(() -> {
                    try {
                        out.write(down);
                        socket.shutdownOutput();
                    } catch (Exception e) {
                        machineGot.completeExceptionally(e);
                    }
                });
                sender.start();
                machineGot.complete(socket.getInputStream().readAllBytes());
                sender.join();
            } catch (Exception e) {
                machineGot.completeExceptionally(e);
            }
        });
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try {
                return readAll(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writeAll(s, up);
        s.closeWrite().get(10, TimeUnit.SECONDS);
        assertArrayEquals(down, received.get(60, TimeUnit.SECONDS), "machine -> tenant, then end of stream");
        assertArrayEquals(up, machineGot.get(60, TimeUnit.SECONDS), "tenant -> machine, then FIN");
        piped.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSlowMachineHoldsTheSenderBackWithoutLosingBytes() throws Exception {
        byte[] up = random(6 << 20);
        CompletableFuture<byte[]> machineGot = new CompletableFuture<>();
        Stream s = pipeTo(socket -> {
            try (InputStream in = socket.getInputStream()) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0;) {
                    all.write(buf, 0, n);
                    if (all.size() < (1 << 20)) {
                        Thread.sleep(2); // the first MiB trickles in: the pipe's backlog and the windows fill up
                    }
                }
                machineGot.complete(all.toByteArray());
            } catch (Exception e) {
                machineGot.completeExceptionally(e);
            }
        });
        writeAll(s, up);
        s.closeWrite().get(10, TimeUnit.SECONDS);
        assertArrayEquals(up, machineGot.get(60, TimeUnit.SECONDS));
        assertEquals(0, readAll(s).length, "the machine closed without a word");
    }

    @Test
    void aMachineThatAbortsResetsTheStream() throws Exception {
        Stream s = pipeTo(socket -> {
            try {
                socket.getInputStream().read();
                socket.setSoLinger(true, 0); // RST, not FIN
                socket.close();
            } catch (Exception e) {
                // the test finds out
            }
        });
        s.write(new byte[] {1, 2, 3}).get(10, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> {
            while (s.read().get(10, TimeUnit.SECONDS).length > 0) {
                // drain
            }
            s.write(new byte[] {4}).get(10, TimeUnit.SECONDS);
        });
        assertEquals(P2pException.Reason.STREAM_RESET, ((P2pException) e.getCause()).reason());
        piped.get(10, TimeUnit.SECONDS);
    }
}

package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.protocols.EchoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reader that does not read: the receiver buffers one window, the writer is held back, nothing is lost. */
class FlowControlTest {
    private static final int CHUNK = 64 * 1024;
    private static final long TOTAL = 4L * 1024 * 1024;
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void slowReaderWithTheSpecWindow() throws Exception {
        slowReader(256 * 1024);
    }

    @Test
    void slowReaderWithALargerAnnouncedWindow() throws Exception {
        slowReader(1024 * 1024);
    }

    /** Through a relay: its bridge stops reading while the far side is full, so the writer is held back too. */
    @Test
    void slowReaderBehindARelay() throws Exception {
        NettyHost relay = hosts.start(b -> b.relay(RelayConfig.defaults()));
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        CompletableFuture<Stream> served = new CompletableFuture<>();
        a.setStreamHandler("/slow", served::complete);
        Multiaddr circuit = await(a.listen(addressOf(relay).encapsulate(Multiaddr.parse("/p2p-circuit"))))
                .withPeerId(a.peerId());
        Stream s = await(b.dial(circuit).thenCompose(c -> c.newStream("/slow")));
        StreamImpl receiver = (StreamImpl) await(served);
        AtomicLong handedOver = new AtomicLong();
        Writer writer = new Writer(s, handedOver);
        writer.next();
        Thread.sleep(1000);
        // the receiver's window, the relay's two stream windows and its write buffer high mark (512 KiB), one chunk
        long bound = 3 * 256 * 1024 + 512 * 1024 + CHUNK;
        assertTrue(handedOver.get() <= bound, "writes completed: " + handedOver.get() + " > " + bound);
        assertTrue(!s.isWritable(), "the writer is told to wait");
        readAll(receiver);
        assertEquals(TOTAL, handedOver.get());
        await(receiver.close());
    }

    private void slowReader(int window) throws Exception {
        NettyHost a = hosts.start(b -> b.streamWindow(window));
        NettyHost b = hosts.start();
        CompletableFuture<Stream> served = new CompletableFuture<>();
        a.setStreamHandler("/slow", served::complete);
        Stream s = await(b.dial(addressOf(a)).thenCompose(c -> c.newStream("/slow")));
        StreamImpl receiver = (StreamImpl) await(served);
        AtomicLong handedOver = new AtomicLong();
        Writer writer = new Writer(s, handedOver);
        writer.next();
        Thread.sleep(700);
        int buffered = receiver.channel().eventLoop().submit(() -> receiver.channel().bufferedBytes()).get();
        // one window, less the 27 bytes of multistream negotiation it carried (not credited back yet)
        assertEquals(window - 27, buffered, "the receiver holds one window");
        assertTrue(handedOver.get() <= window + CHUNK, "writes completed: " + handedOver.get());
        assertTrue(writer.queued <= window + 3 * CHUNK, "writes queued: " + writer.queued);
        assertTrue(!s.isWritable(), "the writer is told to wait");
        readAll(receiver);
        assertEquals(TOTAL, handedOver.get());
        await(receiver.close());
    }

    /** Reads to the end slowly, checking every byte against the pattern. */
    private static void readAll(StreamImpl receiver) throws Exception {
        long received = 0;
        while (true) {
            byte[] chunk = await(receiver.read());
            if (chunk.length == 0) {
                break;
            }
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] != EchoClient.patternAt(received + i)) {
                    throw new AssertionError("byte " + (received + i) + " differs");
                }
            }
            received += chunk.length;
            if (received % (512 * 1024) < chunk.length) {
                Thread.sleep(5); // a slow consumer
            }
        }
        assertEquals(TOTAL, received);
    }

    /** Writes the pattern in 64 KiB chunks whenever the stream is writable, without waiting for completion. */
    private static final class Writer {
        private final Stream stream;
        private final AtomicLong handedOver;
        volatile long queued;

        Writer(Stream stream, AtomicLong handedOver) {
            this.stream = stream;
            this.handedOver = handedOver;
        }

        void next() {
            if (queued == TOTAL) {
                stream.closeWrite();
                return;
            }
            stream.whenWritable().thenRun(() -> {
                byte[] chunk = new byte[CHUNK];
                for (int i = 0; i < CHUNK; i++) {
                    chunk[i] = EchoClient.patternAt(queued + i);
                }
                queued += CHUNK;
                stream.write(chunk).thenRun(() -> handedOver.addAndGet(CHUNK));
                next();
            });
        }
    }
}

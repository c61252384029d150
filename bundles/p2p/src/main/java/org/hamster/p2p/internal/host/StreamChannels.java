package org.hamster.p2p.internal.host;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.yamux.YamuxStreamChannel;

/**
 * Takes the channel of a negotiated {@link Stream} away from the public adapter, for protocols that continue on
 * it with Netty handlers: a circuit relay upgrades it with {@link Upgrader#upgrade} into a relayed connection.
 */
public final class StreamChannels {
    private StreamChannels() {
    }

    /** The channel under a stream, to refer to before {@link #takeOver} (writing to it, watching its state). */
    public static YamuxStreamChannel channel(Stream stream) {
        return ((StreamImpl) stream).channel();
    }

    /**
     * Runs {@code install} on the stream's event loop with its channel; data received but not read yet goes to
     * the installed handlers first. The {@link Stream} object must not be used afterwards.
     */
    public static CompletableFuture<YamuxStreamChannel> takeOver(Stream stream, Consumer<YamuxStreamChannel> install) {
        StreamImpl impl = (StreamImpl) stream;
        CompletableFuture<YamuxStreamChannel> done = new CompletableFuture<>();
        impl.channel().eventLoop().execute(() -> {
            try {
                impl.detach(install);
                done.complete(impl.channel());
            } catch (RuntimeException e) {
                impl.reset();
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}

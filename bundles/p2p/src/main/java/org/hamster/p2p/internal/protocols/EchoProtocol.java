package org.hamster.p2p.internal.protocols;

import org.hamster.p2p.Stream;
import org.hamster.p2p.StreamHandler;

/** {@code /hamster/echo/1.0.0}: writes back every byte it reads, then closes when the remote closes its side. */
public final class EchoProtocol {
    public static final String ID = StreamHandler.ECHO;

    private EchoProtocol() {
    }

    public static void serve(Stream stream) {
        stream.read().thenCompose(chunk -> chunk.length == 0
                ? stream.close().thenApply(v -> false)
                : stream.write(chunk).thenApply(v -> true)).whenComplete((more, e) -> {
                    if (e != null) {
                        stream.reset();
                    } else if (more) {
                        serve(stream);
                    }
                });
    }
}

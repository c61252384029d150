package org.hamster.p2p.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/** Helpers for protocol tests on {@link EmbeddedChannel}s. */
public final class Wire {
    private Wire() {
    }

    /** Moves written bytes between two channels until neither writes more. */
    public static void shuttle(EmbeddedChannel a, EmbeddedChannel b) {
        boolean moved;
        do {
            moved = move(a, b) | move(b, a);
            a.runPendingTasks();
            b.runPendingTasks();
        } while (moved);
    }

    private static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        Object m;
        while ((m = from.readOutbound()) != null) {
            moved = true;
            if (to.isOpen()) {
                to.writeInbound(m);
            } else {
                ReferenceCountUtil.release(m);
            }
        }
        return moved;
    }

    /** Everything the channel wrote so far, as one buffer (the caller releases it). */
    public static ByteBuf drainOutbound(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        Object m;
        while ((m = ch.readOutbound()) != null) {
            if (m instanceof ByteBuf b) {
                all.writeBytes(b);
            }
            ReferenceCountUtil.release(m);
        }
        return all;
    }

    /** Releases whatever reached the tail of the pipeline or is still queued, and closes. */
    public static void finish(EmbeddedChannel... channels) {
        for (EmbeddedChannel ch : channels) {
            ch.finishAndReleaseAll();
        }
    }

    public static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}

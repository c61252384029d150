package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * The receive side of a stream's flow control: data held until the pipeline reads it, the credit the remote still
 * has, and what was read but not yet credited back. Held data never exceeds the window.
 */
final class ReceiveWindow {
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private final int window;
    private long credit;
    private long consumed;
    private int buffered;

    ReceiveWindow(int window) {
        this.window = window;
        this.credit = window;
    }

    /** Holds {@code payload}; false (and nothing taken) when it overruns the remote's credit. */
    boolean offer(ByteBuf payload) {
        int n = payload.readableBytes();
        if (n > credit) {
            return false;
        }
        credit -= n;
        buffered += n;
        queue.add(payload);
        return true;
    }

    long credit() {
        return credit;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The next held buffer, now counted as consumed. */
    ByteBuf poll() {
        ByteBuf b = queue.poll();
        if (b != null) {
            buffered -= b.readableBytes();
            consumed += b.readableBytes();
        }
        return b;
    }

    /** The delta of the window update due now, 0 while less than half a window was consumed since the last. */
    long takeCredit() {
        if (consumed < window / 2) {
            return 0;
        }
        long delta = consumed;
        credit += delta;
        consumed = 0;
        return delta;
    }

    int buffered() {
        return buffered;
    }

    void release() {
        ByteBuf b;
        while ((b = queue.poll()) != null) {
            b.release();
        }
        buffered = 0;
    }
}

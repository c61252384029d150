package org.hamster.p2p.internal.yamux;

import java.time.Duration;

/**
 * Limits of a Yamux session.
 *
 * @param window the receive window per stream (at least 256 KiB; more is announced with the SYN or ACK)
 * @param maxStreams streams per session, open or closing; further inbound ones are reset
 * @param ackBacklog outbound streams the remote has not acknowledged yet (the spec suggests at most 256)
 * @param maxFrame the largest data frame this side sends
 * @param keepAlive ping interval, zero for none; two missed intervals close the session
 * @param linger how long a locally closed stream waits for the remote's FIN before it is reset
 */
public record YamuxConfig(int window, int maxStreams, int ackBacklog, int maxFrame, Duration keepAlive,
        Duration linger) {
    public YamuxConfig {
        if (window < YamuxFrame.INITIAL_WINDOW || maxStreams < 1 || ackBacklog < 1 || maxFrame < 1) {
            throw new IllegalArgumentException("bad yamux limits");
        }
    }

    public static YamuxConfig defaults() {
        return new YamuxConfig(YamuxFrame.INITIAL_WINDOW, 256, 256, 16 * 1024, Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    public YamuxConfig withKeepAlive(Duration d) {
        return new YamuxConfig(window, maxStreams, ackBacklog, maxFrame, d, linger);
    }
}

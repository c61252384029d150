package org.hamster.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeaseViewTest {
    @Test
    void heartbeatStateFollowsTheIntervalWithAMinuteOfSlack() {
        assertEquals("PENDING", LeaseView.heartbeatState(-1, 0, 300_000, 1_000_000));
        assertEquals("OK", LeaseView.heartbeatState(4, 1_000_000, 300_000, 1_000_000 + 360_000));
        assertEquals("LATE", LeaseView.heartbeatState(4, 1_000_000, 300_000, 1_000_000 + 360_001));
        assertEquals("LATE", LeaseView.heartbeatState(4, 0, 300_000, 5), "executed but never proven alive");
    }
}

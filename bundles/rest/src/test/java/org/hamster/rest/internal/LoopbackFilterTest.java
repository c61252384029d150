package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackFilterTest {
    @Test
    void loopbackAddressesPass() {
        for (String address : new String[] {"127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]",
                "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertTrue(LoopbackFilter.isLoopback(address), address);
        }
    }

    @Test
    void everythingElseIsRefused() {
        for (String address : new String[] {null, "", "10.0.0.1", "192.168.1.20", "128.0.0.1", "0.0.0.0", "::",
                "fe80::1", "::ffff:10.0.0.1", "2001:db8::1", "localhost", "127.0.0.1.evil.example", "127.0.0.1 ",
                "not an address"}) {
            assertFalse(LoopbackFilter.isLoopback(address), String.valueOf(address));
        }
    }
}

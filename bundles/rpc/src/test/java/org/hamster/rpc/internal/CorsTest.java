package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorsTest {
    @Test
    void substrateDefaults() {
        Cors c = Cors.parse(ServerSettings.DEFAULT_CORS);
        assertTrue(c.allows(null));
        assertTrue(c.allows("http://localhost:8181"));
        assertTrue(c.allows("http://localhost"));
        assertTrue(c.allows("https://127.0.0.1:3000"));
        assertTrue(c.allows("https://polkadot.js.org"));
        assertFalse(c.allows("https://polkadot.js.org.evil.example"));
        assertFalse(c.allows("http://localhost.evil.example"));
        assertFalse(c.allows("http://localhost:80a"));
        assertFalse(c.allows("null"));
    }

    @Test
    void emptyAllowsNoBrowserAndStarAllowsAll() {
        assertFalse(Cors.parse("").allows("http://localhost:1"));
        assertTrue(Cors.parse("").allows(null));
        assertTrue(Cors.parse(" * ").allows("https://anything.example"));
        assertTrue(Cors.parse("https://app.example").allows("HTTPS://APP.EXAMPLE"));
    }
}

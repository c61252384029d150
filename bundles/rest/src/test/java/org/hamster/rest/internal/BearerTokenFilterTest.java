package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {
    private static final String TOKEN = "00ff".repeat(16);
    private static final byte[] EXPECTED = BearerTokenFilter.sha256(TOKEN);

    @Test
    void acceptsTheTokenAfterTheBearerScheme() {
        assertTrue(BearerTokenFilter.matches("Bearer " + TOKEN, EXPECTED));
        assertTrue(BearerTokenFilter.matches("bearer " + TOKEN, EXPECTED), "the scheme is case-insensitive");
        assertTrue(BearerTokenFilter.matches("Bearer  " + TOKEN + " ", EXPECTED));
    }

    @Test
    void refusesAnythingElse() {
        String[] wrong = {null, "", "Bearer", "Bearer ", TOKEN, "Basic " + TOKEN, "Bearer " + TOKEN.toUpperCase(),
            "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "0", "Bearer " + TOKEN.substring(0, 63) + "0",
            "Bearer " + TOKEN + ", Bearer " + TOKEN};
        for (String header : wrong) {
            assertFalse(BearerTokenFilter.matches(header, EXPECTED), String.valueOf(header));
        }
    }

    @Test
    void onlyGetAndHeadAreReads() {
        assertTrue(BearerTokenFilter.isRead("GET"));
        assertTrue(BearerTokenFilter.isRead("HEAD"));
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "get", null}) {
            assertFalse(BearerTokenFilter.isRead(method), String.valueOf(method));
        }
    }

    @Test
    void comparesDigestsOfEqualLengthWhateverTheInput() {
        // MessageDigest.isEqual is constant-time for equal lengths; hashing makes every input 32 bytes long
        for (String header : new String[] {"Bearer x", "Bearer " + "x".repeat(10_000), "Bearer " + TOKEN}) {
            assertTrue(BearerTokenFilter.sha256(header.substring(7)).length == EXPECTED.length);
        }
    }
}

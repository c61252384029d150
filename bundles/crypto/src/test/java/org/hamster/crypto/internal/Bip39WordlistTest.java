package org.hamster.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Bip39WordlistTest {
    @Test
    void loadsTheVerifiedStandardList() {
        assertEquals("abandon", Bip39Wordlist.word(0));
        assertEquals("zoo", Bip39Wordlist.word(Bip39Wordlist.SIZE - 1));
        assertEquals(0, Bip39Wordlist.indexOf("abandon"));
        assertEquals(-1, Bip39Wordlist.indexOf("xyzzy"));
    }
}

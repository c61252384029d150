package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

class DevAccountsTest {
    @Test
    void sixAccountsDerivedFromTheDevPhrase() throws HamsterException {
        assertEquals(6, DevAccounts.all().size());
        for (String name : DevAccounts.NAMES) {
            assertEquals(KeyDerivation.pair("//" + name), DevAccounts.pair(name));
        }
        assertEquals("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", DevAccounts.address("alice"));
        assertEquals("0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69",
                Hex.encode(DevAccounts.bob().publicKey()));
        assertEquals(DevAccounts.alice(), DevAccounts.pair("Alice"));
        assertThrows(IllegalArgumentException.class, () -> DevAccounts.pair("Mallory"));
    }
}

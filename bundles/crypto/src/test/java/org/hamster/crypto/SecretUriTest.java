package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

class SecretUriTest {
    private static final String PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    @Test
    void devUri() throws HamsterException {
        SecretUri uri = SecretUri.parse("//Alice");
        assertEquals(SecretUri.DEV_PHRASE, uri.phrase());
        assertEquals(List.of(DeriveJunction.hard("Alice")), uri.junctions());
        assertEquals(Optional.empty(), uri.password());
    }

    @Test
    void phraseJunctionsAndPassword() throws HamsterException {
        SecretUri uri = SecretUri.parse(PHRASE + "//hard/soft//0///my/pass word");
        assertEquals(PHRASE, uri.phrase());
        assertEquals(List.of(DeriveJunction.hard("hard"), DeriveJunction.soft("soft"), DeriveJunction.hard("0")),
                uri.junctions());
        assertEquals(Optional.of("my/pass word"), uri.password());
        assertFalse(uri.toString().contains("legal"));
        assertFalse(uri.toString().contains("pass word"));
        assertEquals(Optional.of("pw"), SecretUri.parse("///pw").password());
        assertEquals(SecretUri.DEV_PHRASE, SecretUri.parse("///pw").phrase());
    }

    @Test
    void hexSeed() throws HamsterException {
        SecretUri uri = SecretUri.parse("0x" + "ab".repeat(32) + "//x");
        assertTrue(uri.isHexSeed());
        assertEquals(1, uri.junctions().size());
    }

    @Test
    void syntaxErrors() {
        assertThrows(HamsterException.class, () -> SecretUri.parse("//Alice//"));
        assertThrows(HamsterException.class, () -> SecretUri.parse("//Alice/"));
        assertThrows(HamsterException.class, () -> SecretUri.parse("hello-world//a"));
        assertThrows(HamsterException.class, () -> SecretUri.parse(null));
    }

    @Test
    void chainCodes() {
        assertEquals("0x0500000000000000000000000000000000000000000000000000000000000000",
                Hex.encode(DeriveJunction.hard("5").chainCode()));
        assertEquals("0x14416c6963650000000000000000000000000000000000000000000000000000",
                Hex.encode(DeriveJunction.hard("Alice").chainCode()));
        String big = "18446744073709551616";
        assertEquals("0x50" + Hex.encode(big.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).substring(2)
                + "00".repeat(11), Hex.encode(DeriveJunction.hard(big).chainCode()));
        assertEquals(32, DeriveJunction.hard("y".repeat(100)).chainCode().length);
        assertThrows(IllegalArgumentException.class, () -> DeriveJunction.hard(""));
    }
}

package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

/** The BIP39 reference vectors (entropy to English phrase) and checksum handling. */
class MnemonicTest {
    private static final String ABOUT = "abandon abandon abandon abandon abandon abandon abandon abandon abandon "
            + "abandon abandon about";
    private static final String LEGAL = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    @Test
    void referenceVectors() throws HamsterException {
        assertEquals(ABOUT, Mnemonic.fromEntropy(new byte[16]));
        assertEquals(LEGAL, Mnemonic.fromEntropy(Hex.decode("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f")));
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xff);
        assertEquals("zoo ".repeat(23) + "vote", Mnemonic.fromEntropy(ones));
        assertArrayEquals(ones, Mnemonic.toEntropy("zoo ".repeat(23) + "vote"));
        assertArrayEquals(new byte[16], Mnemonic.toEntropy(ABOUT));
        assertEquals("0x1a486a5fbe53639984cb64b070755f7b", Hex.encode(Mnemonic.toEntropy(SecretUri.DEV_PHRASE)));
    }

    @Test
    void generatesValidPhrasesOfEveryLength() throws HamsterException {
        for (int words : new int[] {12, 15, 18, 21, 24}) {
            String phrase = Mnemonic.generate(words);
            assertEquals(words, phrase.split(" ").length);
            assertTrue(Mnemonic.validate(phrase));
            assertEquals(phrase, Mnemonic.fromEntropy(Mnemonic.toEntropy(phrase)));
        }
        assertThrows(IllegalArgumentException.class, () -> Mnemonic.generate(13));
        assertThrows(IllegalArgumentException.class, () -> Mnemonic.fromEntropy(new byte[17]));
    }

    @Test
    void rejectsBadChecksum() {
        HamsterException e = assertThrows(HamsterException.class,
                () -> Mnemonic.toEntropy("abandon ".repeat(11) + "abandon"));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(Mnemonic.validate(LEGAL.replace("yellow", "year")));
    }

    @Test
    void rejectsUnknownWordsAndWrongCounts() {
        HamsterException e = assertThrows(HamsterException.class,
                () -> Mnemonic.toEntropy(LEGAL.replace("thank", "thanks")));
        assertTrue(e.getMessage().contains("word 3 'thanks'"), e.getMessage());
        e = assertThrows(HamsterException.class, () -> Mnemonic.toEntropy("abandon abandon about"));
        assertTrue(e.getMessage().contains("not 3"), e.getMessage());
        assertFalse(Mnemonic.validate(""));
        assertFalse(Mnemonic.validate(null));
        assertTrue(Mnemonic.validate("  " + LEGAL.replace(" ", "   ") + "\n"));
    }
}

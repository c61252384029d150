package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

/** Addresses of //Alice's ed25519 key as @polkadot/util-crypto encodes them. */
class Ss58Test {
    private static final byte[] ALICE =
            Hex.decode("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    private static final String ALICE_42 = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

    @Test
    void encodesAndDecodesTheDefaultPrefix() throws HamsterException {
        assertEquals(ALICE_42, Ss58.encode(ALICE));
        assertArrayEquals(ALICE, Ss58.decode(ALICE_42));
        assertArrayEquals(ALICE, Ss58.decode(ALICE_42, 42));
        assertEquals(42, Ss58.prefix(ALICE_42));
    }

    @Test
    void simpleAndFullPrefixes() throws HamsterException {
        Object[][] vectors = {{0, "146SvjUZXoMaemdeiecyxgALeYMm8ZWh1yrGo8RtpoPfe7WL"},
            {2, "FfmSiZNJP72xtSaXiP2iUhBwWeMEvmjPrxY2ViVkWaeChDC"},
            {63, "7Lh1DEaxk8TNVU7snC3UkSv7N7NHb7BUuEkYZBwrzfrPNQE3"},
            {64, "cEYfegp3eYHB5JvpA6PHRKxm2ow1u9w2QBBXEmFa9Sq5wPCfh"},
            {255, "yGFpxQAY6YkHrWU2mkYymBThT9K4N4E2uzuUDNP6dPKeVcgU8"},
            {1000, "vjgNxgnApyMW95EkKESfsUh2DjWzQS14JuBfLbKMLDDACC7yQ"},
            {16383, "yNYRWgfeVm5PeMAWzp6QFyETDrt4tWmhhtANV8ScbZC7DLpkv"}};
        for (Object[] v : vectors) {
            int prefix = (Integer) v[0];
            String address = (String) v[1];
            assertEquals(address, Ss58.encode(ALICE, prefix), "prefix " + prefix);
            assertEquals(prefix, Ss58.prefix(address));
            assertArrayEquals(ALICE, Ss58.decode(address));
        }
        assertThrows(IllegalArgumentException.class, () -> Ss58.encode(ALICE, 16384));
        assertThrows(IllegalArgumentException.class, () -> Ss58.encode(new byte[31]));
    }

    @Test
    void rejectsBadChecksum() {
        char last = ALICE_42.charAt(ALICE_42.length() - 1);
        String tampered = ALICE_42.substring(0, ALICE_42.length() - 1) + (last == 'u' ? 'v' : 'u');
        assertMessage(tampered, "bad checksum");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertMessage(ALICE_42.replace('n', '0'), "character '0' at position 4 is not in the base58 alphabet");
        assertMessage("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpI", "'I'");
        assertMessage("", "empty");
    }

    @Test
    void rejectsWrongLengthAndPrefix() throws HamsterException {
        assertMessage(ALICE_42.substring(0, 40), "decodes to 29 bytes");
        assertMessage(Base58.encode(new byte[] {(byte) 0x80, 1, 2}), "reserved prefix byte 128");
        assertMessage("1", "too short");
        HamsterException e = assertThrows(HamsterException.class,
                () -> Ss58.decode("146SvjUZXoMaemdeiecyxgALeYMm8ZWh1yrGo8RtpoPfe7WL", 42));
        assertTrue(e.getMessage().contains("prefix 0, expected 42"), e.getMessage());
        assertFalse(Ss58.isValid("not an address"));
        assertTrue(Ss58.isValid(ALICE_42));
    }

    private static void assertMessage(String address, String fragment) {
        HamsterException e = assertThrows(HamsterException.class, () -> Ss58.decode(address));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}

package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.hamster.common.HamsterException;
import org.junit.jupiter.api.Test;

class Base58Test {
    @Test
    void knownValues() throws HamsterException {
        assertEquals("", Base58.encode(new byte[0]));
        assertEquals("1", Base58.encode(new byte[1]));
        assertEquals("11z", Base58.encode(new byte[] {0, 0, 57}));
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("Hello World!".getBytes(StandardCharsets.US_ASCII), Base58.decode("2NEpo7TZRRrLZSi2U"));
        assertArrayEquals(new byte[] {0, 0, 57}, Base58.decode("11z"));
    }

    @Test
    void roundTripsRandomBytes() throws HamsterException {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[random.nextInt(70)];
            random.nextBytes(data);
            if (data.length > 2 && i % 3 == 0) {
                data[0] = 0;
                data[1] = 0;
            }
            assertArrayEquals(data, Base58.decode(Base58.encode(data)));
        }
    }

    @Test
    void rejectsForeignCharacters() {
        assertThrows(HamsterException.class, () -> Base58.decode("abc0"));
        assertThrows(HamsterException.class, () -> Base58.decode("abcO"));
        assertThrows(HamsterException.class, () -> Base58.decode("abcé"));
        assertThrows(HamsterException.class, () -> Base58.decode("ab c"));
    }
}

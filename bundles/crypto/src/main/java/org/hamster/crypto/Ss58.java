package org.hamster.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * SS58 addresses of 32-byte account ids: base58(prefix ++ public key ++ checksum), where the prefix takes one
 * byte for network ids below 64 and two bytes for 64..16383, and the checksum is the first two bytes of
 * blake2b-512("SS58PRE" ++ prefix ++ public key).
 */
public final class Ss58 {
    /** The generic Substrate network id, which Hamster uses. */
    public static final int DEFAULT_PREFIX = 42;
    public static final int MAX_PREFIX = 16383;
    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 32;
    private static final int CHECKSUM_LENGTH = 2;

    private Ss58() {
    }

    public static String encode(byte[] publicKey) {
        return encode(publicKey, DEFAULT_PREFIX);
    }

    public static String encode(byte[] publicKey, int prefix) {
        if (publicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an SS58 account id has 32 bytes, not " + publicKey.length);
        }
        if (prefix < 0 || prefix > MAX_PREFIX) {
            throw new IllegalArgumentException("SS58 prefix must be 0.." + MAX_PREFIX + ", not " + prefix);
        }
        byte[] head = prefix < 64
                ? new byte[] {(byte) prefix}
                : new byte[] {(byte) (((prefix & 0xFC) >> 2) | 0x40), (byte) ((prefix >> 8) | ((prefix & 0x03) << 6))};
        byte[] data = Arrays.copyOf(head, head.length + KEY_LENGTH + CHECKSUM_LENGTH);
        System.arraycopy(publicKey, 0, data, head.length, KEY_LENGTH);
        byte[] hash = checksum(data, head.length + KEY_LENGTH);
        System.arraycopy(hash, 0, data, head.length + KEY_LENGTH, CHECKSUM_LENGTH);
        return Base58.encode(data);
    }

    /** The 32-byte public key of an address of any network prefix. */
    public static byte[] decode(String address) throws HamsterException {
        return parse(address).publicKey();
    }

    /** The 32-byte public key of an address, which must carry {@code expectedPrefix}. */
    public static byte[] decode(String address, int expectedPrefix) throws HamsterException {
        Decoded d = parse(address);
        if (d.prefix() != expectedPrefix) {
            throw new HamsterException(ErrorCode.INVALID_INPUT,
                    "address " + address + " has SS58 prefix " + d.prefix() + ", expected " + expectedPrefix);
        }
        return d.publicKey();
    }

    /** The network prefix of a valid address. */
    public static int prefix(String address) throws HamsterException {
        return parse(address).prefix();
    }

    public static boolean isValid(String address) {
        try {
            parse(address);
            return true;
        } catch (HamsterException e) {
            return false;
        }
    }

    private static Decoded parse(String address) throws HamsterException {
        if (address == null || address.isEmpty()) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "empty SS58 address");
        }
        byte[] data;
        try {
            data = Base58.decode(address);
        } catch (HamsterException e) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, e, "SS58 address " + address + ": " + e.getMessage());
        }
        if (data.length < 2) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "SS58 address " + address + " is too short");
        }
        int b0 = data[0] & 0xFF;
        int headLength;
        int prefix;
        if (b0 < 64) {
            headLength = 1;
            prefix = b0;
        } else if (b0 < 128) {
            int b1 = data[1] & 0xFF;
            headLength = 2;
            prefix = (((b0 << 2) | (b1 >> 6)) & 0xFF) | ((b1 & 0x3F) << 8);
            if (prefix < 64) {
                throw new HamsterException(ErrorCode.INVALID_INPUT, "SS58 address " + address
                        + " uses the two-byte encoding for prefix " + prefix + ", which has a one-byte encoding");
            }
        } else {
            throw new HamsterException(ErrorCode.INVALID_INPUT,
                    "SS58 address " + address + " starts with reserved prefix byte " + b0);
        }
        if (data.length != headLength + KEY_LENGTH + CHECKSUM_LENGTH) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "SS58 address " + address + " decodes to "
                    + data.length + " bytes, expected " + (headLength + KEY_LENGTH + CHECKSUM_LENGTH));
        }
        byte[] hash = checksum(data, headLength + KEY_LENGTH);
        if (hash[0] != data[headLength + KEY_LENGTH] || hash[1] != data[headLength + KEY_LENGTH + 1]) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "SS58 address " + address + " has a bad checksum");
        }
        return new Decoded(prefix, Arrays.copyOfRange(data, headLength, headLength + KEY_LENGTH));
    }

    private static byte[] checksum(byte[] data, int length) {
        return Blake2b.hash(64, null, CONTEXT, Arrays.copyOf(data, length));
    }

    private record Decoded(int prefix, byte[] publicKey) {
    }
}

package org.hamster.pallet.resourceorder.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Checks that bytes are one OpenSSH public key line, {@code <type> <base64 blob> [comment]}, as authorized_keys
 * takes it without options: printable ASCII only (no newline could smuggle in a second key), a supported type,
 * and a blob that parses completely as that type's wire format (RFC 4253 / 5656, PROTOCOL.u2f) with the same type
 * name inside. RSA moduli must have at least 2048 bits.
 */
final class SshKeys {
    private static final int MIN_RSA_BITS = 2048;
    /** Key type -> ECDSA curve name (null for non-ECDSA types). */
    private static final Map<String, String> CURVES = Map.of("ecdsa-sha2-nistp256", "nistp256",
            "ecdsa-sha2-nistp384", "nistp384", "ecdsa-sha2-nistp521", "nistp521",
            "sk-ecdsa-sha2-nistp256@openssh.com", "nistp256");
    private static final Map<String, Integer> POINT_LENGTH = Map.of("nistp256", 65, "nistp384", 97, "nistp521", 133);

    private SshKeys() {
    }

    static boolean valid(byte[] line, int maxLength) {
        if (line.length == 0 || line.length > maxLength) {
            return false;
        }
        for (byte b : line) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        String[] parts = new String(line, StandardCharsets.US_ASCII).split(" ", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return false;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            return blobMatches(parts[0], ByteBuffer.wrap(blob));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean blobMatches(String type, ByteBuffer b) {
        if (!type.equals(new String(string(b), StandardCharsets.US_ASCII))) {
            return false;
        }
        boolean ok;
        switch (type) {
            case "ssh-ed25519" -> ok = string(b).length == 32;
            case "sk-ssh-ed25519@openssh.com" -> ok = string(b).length == 32 && string(b).length > 0;
            case "ssh-rsa" -> {
                BigInteger e = mpint(b);
                BigInteger n = mpint(b);
                ok = e.signum() > 0 && e.testBit(0) && n.bitLength() >= MIN_RSA_BITS;
            }
            default -> {
                String curve = CURVES.get(type);
                if (curve == null || !curve.equals(new String(string(b), StandardCharsets.US_ASCII))) {
                    return false;
                }
                byte[] q = string(b);
                ok = q.length == POINT_LENGTH.get(curve) && q[0] == 0x04;
                if (type.startsWith("sk-")) {
                    ok &= string(b).length > 0;
                }
            }
        }
        return ok && !b.hasRemaining();
    }

    /** An SSH string: u32 big-endian length, then that many bytes (BufferUnderflowException if short). */
    private static byte[] string(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static BigInteger mpint(ByteBuffer b) {
        byte[] raw = string(b);
        return raw.length == 0 ? BigInteger.ZERO : new BigInteger(raw);
    }
}

package org.hamster.pallet.resourceorder.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshKeysTest {
    private static boolean valid(String line) {
        return SshKeys.valid(line.getBytes(StandardCharsets.ISO_8859_1), 2048);
    }

    /** The SSH wire encoding of strings and raw byte fields. */
    private static byte[] blob(Object... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object f : fields) {
            byte[] b = f instanceof String s ? s.getBytes(StandardCharsets.US_ASCII)
                    : f instanceof BigInteger i ? i.toByteArray() : (byte[]) f;
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static String line(String type, byte[] blob, String comment) {
        return type + " " + Base64.getEncoder().encodeToString(blob) + comment;
    }

    private static String rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        RSAPublicKey k = (RSAPublicKey) g.generateKeyPair().getPublic();
        return line("ssh-rsa", blob("ssh-rsa", k.getPublicExponent(), k.getModulus()), " me@host");
    }

    private static byte[] p256Point() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey k = (ECPublicKey) g.generateKeyPair().getPublic();
        byte[] q = new byte[65];
        q[0] = 4;
        byte[] x = k.getW().getAffineX().toByteArray();
        byte[] y = k.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), q, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), q, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        return q;
    }

    @Test
    void realKeysOfEverySupportedTypeAreAccepted() throws Exception {
        byte[] ed = new byte[32];
        Arrays.fill(ed, (byte) 9);
        assertTrue(valid(line("ssh-ed25519", blob("ssh-ed25519", ed), "")));
        assertTrue(valid(line("ssh-ed25519", blob("ssh-ed25519", ed), " alice@example.org with spaces")));
        assertTrue(valid(rsa(2048)));
        assertTrue(valid(line("ecdsa-sha2-nistp256", blob("ecdsa-sha2-nistp256", "nistp256", p256Point()), " x")));
        assertTrue(valid(line("sk-ssh-ed25519@openssh.com", blob("sk-ssh-ed25519@openssh.com", ed, "ssh:"), "")));
        assertTrue(valid(line("sk-ecdsa-sha2-nistp256@openssh.com", blob("sk-ecdsa-sha2-nistp256@openssh.com",
                "nistp256", p256Point(), "ssh:"), "")));
        byte[] p384 = new byte[97];
        p384[0] = 4;
        assertTrue(valid(line("ecdsa-sha2-nistp384", blob("ecdsa-sha2-nistp384", "nistp384", p384), "")));
    }

    @Test
    void anythingElseIsRefused() throws Exception {
        byte[] ed = new byte[32];
        String good = line("ssh-ed25519", blob("ssh-ed25519", ed), "");
        assertFalse(valid(""));
        assertFalse(valid("ssh-ed25519"));
        assertFalse(valid("ssh-ed25519 "));
        assertFalse(valid(good + "\nssh-ed25519 AAAA attacker"), "a second line");
        assertFalse(valid(good + " tab\there"));
        assertFalse(valid("command=\"rm -rf /\" " + good), "authorized_keys options");
        assertFalse(valid(" " + good));
        assertFalse(valid(good.replace("ssh-ed25519 ", "ssh-ed25519  ")));
        assertFalse(valid(line("ssh-rsa", blob("ssh-ed25519", ed), "")), "type differs from the blob's");
        assertFalse(valid(line("ssh-ed25519", blob("ssh-ed25519", new byte[31]), "")));
        assertFalse(valid(line("ssh-ed25519", blob("ssh-ed25519", ed, "extra"), "")), "trailing data");
        assertFalse(valid("ssh-ed25519 !!notbase64!!"));
        assertFalse(valid(line("ssh-dss", blob("ssh-dss", ed), "")), "DSA is not supported");
        assertFalse(valid(rsa(1024)), "RSA below 2048 bits");
        assertFalse(valid(line("ecdsa-sha2-nistp256", blob("ecdsa-sha2-nistp256", "nistp384", p256Point()), "")));
        assertFalse(valid(line("ecdsa-sha2-nistp256", blob("ecdsa-sha2-nistp256", "nistp256", new byte[65]), "")));
        assertFalse(valid(line("sk-ssh-ed25519@openssh.com", blob("sk-ssh-ed25519@openssh.com", ed, ""), "")));
        assertFalse(valid(line("ssh-ed25519", new byte[] {0, 0, 0, 50, 1}, "")), "truncated blob");
        assertFalse(valid(good + " caf\u00e9"), "non-ASCII comment");
        assertFalse(SshKeys.valid((good + " " + "x".repeat(2048)).getBytes(StandardCharsets.US_ASCII), 2048));
    }
}

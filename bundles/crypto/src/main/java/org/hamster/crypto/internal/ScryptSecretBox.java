package org.hamster.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.generators.SCrypt;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * polkadot.js's password encryption ("scrypt" + "xsalsa20-poly1305", version 3): the key is scrypt(password, salt),
 * and the encoded form is salt(32) ++ N ++ p ++ r (u32 little-endian each) ++ nonce(24) ++ secretbox.
 */
public final class ScryptSecretBox {
    /** What we write: polkadot.js accepts it, and it costs 32 MiB and a fraction of a second. */
    public static final Params DEFAULT = new Params(1 << 15, 1, 8);
    /** The parameter sets polkadot.js accepts on import; anything else could make a hostile file very costly. */
    static final List<Params> ALLOWED = List.of(new Params(1 << 13, 10, 8), new Params(1 << 14, 5, 8),
            new Params(1 << 15, 3, 8), new Params(1 << 15, 1, 8), new Params(1 << 16, 2, 8), new Params(1 << 17, 1, 8));
    private static final int SALT_LENGTH = 32;
    private static final int HEADER_LENGTH = SALT_LENGTH + 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScryptSecretBox() {
    }

    /** scrypt cost N, parallelism p and block size r. */
    public record Params(int n, int p, int r) {
    }

    public static byte[] encrypt(byte[] plaintext, String password, Params params) {
        byte[] salt = random(SALT_LENGTH);
        byte[] nonce = random(SecretBox.NONCE_LENGTH);
        byte[] box = SecretBox.seal(key(password, salt, params), nonce, plaintext);
        return ByteBuffer.allocate(HEADER_LENGTH + nonce.length + box.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(salt).putInt(params.n()).putInt(params.p()).putInt(params.r()).put(nonce).put(box).array();
    }

    /** The plaintext; {@link ErrorCode#KEYSTORE} "wrong password" when the box does not open. */
    public static byte[] decrypt(byte[] encoded, String password) throws HamsterException {
        if (encoded.length < HEADER_LENGTH + SecretBox.NONCE_LENGTH + SecretBox.TAG_LENGTH) {
            throw new HamsterException(ErrorCode.KEYSTORE, "encrypted key is too short (" + encoded.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        byte[] salt = new byte[SALT_LENGTH];
        in.get(salt);
        Params params = new Params(in.getInt(), in.getInt(), in.getInt());
        if (!ALLOWED.contains(params)) {
            throw new HamsterException(ErrorCode.KEYSTORE, "unsupported scrypt parameters N=" + params.n()
                    + " p=" + params.p() + " r=" + params.r());
        }
        byte[] nonce = Arrays.copyOfRange(encoded, HEADER_LENGTH, HEADER_LENGTH + SecretBox.NONCE_LENGTH);
        byte[] box = Arrays.copyOfRange(encoded, HEADER_LENGTH + SecretBox.NONCE_LENGTH, encoded.length);
        byte[] plaintext = SecretBox.open(key(password, salt, params), nonce, box);
        if (plaintext == null) {
            throw new HamsterException(ErrorCode.KEYSTORE, "wrong password");
        }
        return plaintext;
    }

    private static byte[] key(String password, byte[] salt, Params params) {
        return SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, params.n(), params.r(), params.p(),
                SecretBox.KEY_LENGTH);
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}

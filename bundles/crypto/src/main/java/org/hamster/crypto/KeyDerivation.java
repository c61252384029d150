package org.hamster.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.internal.Scale;

/**
 * Ed25519 keys from secret URIs exactly as {@code subkey inspect --scheme ed25519} derives them: the phrase's BIP39
 * entropy is stretched to a "mini secret" seed (substrate-bip39), then each hard junction replaces the seed by
 * blake2b-256(SCALE("Ed25519HDKD") ++ seed ++ chain code). Ed25519 has no soft derivation.
 */
public final class KeyDerivation {
    private static final byte[] HDKD = Scale.string("Ed25519HDKD");
    private static final int PBKDF2_ROUNDS = 2048;

    private KeyDerivation() {
    }

    public static Ed25519.KeyPair pair(String suri) throws HamsterException {
        return pair(SecretUri.parse(suri));
    }

    public static Ed25519.KeyPair pair(SecretUri uri) throws HamsterException {
        return Ed25519.fromSeed(seed(uri));
    }

    /** The 32-byte Ed25519 seed a secret URI stands for. */
    public static byte[] seed(SecretUri uri) throws HamsterException {
        byte[] seed = uri.isHexSeed() ? hexSeed(uri.phrase())
                : miniSecret(Mnemonic.toEntropy(uri.phrase()), uri.password().orElse(""));
        for (DeriveJunction j : uri.junctions()) {
            if (!j.hard()) {
                throw new HamsterException(ErrorCode.INVALID_INPUT,
                        "soft derivation (" + j + ") is not supported for ed25519 keys; use a hard junction (//)");
            }
            seed = deriveHard(seed, j.chainCode());
        }
        return seed;
    }

    /** One hard derivation step of an Ed25519 seed. */
    public static byte[] deriveHard(byte[] seed, byte[] chainCode) {
        if (seed.length != Ed25519.SEED_LENGTH || chainCode.length != DeriveJunction.CHAIN_CODE_LENGTH) {
            throw new IllegalArgumentException("hard derivation takes a 32-byte seed and a 32-byte chain code");
        }
        return Blake2b.hash(32, null, HDKD, seed, chainCode);
    }

    /**
     * substrate-bip39's mini secret: the first 32 bytes of PBKDF2-HMAC-SHA512 over the mnemonic's entropy (not its
     * words) with salt "mnemonic" ++ password and 2048 rounds.
     */
    public static byte[] miniSecret(byte[] entropy, String password) {
        int n = entropy.length;
        if (n < 16 || n > 32 || n % 4 != 0) {
            throw new IllegalArgumentException("mnemonic entropy has 16, 20, 24, 28 or 32 bytes, not " + n);
        }
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        pbkdf2.init(entropy, ("mnemonic" + password).getBytes(StandardCharsets.UTF_8), PBKDF2_ROUNDS);
        byte[] seed = ((KeyParameter) pbkdf2.generateDerivedParameters(512)).getKey();
        return Arrays.copyOf(seed, Ed25519.SEED_LENGTH);
    }

    private static byte[] hexSeed(String hex) throws HamsterException {
        String digits = hex.substring(2);
        if (digits.length() != 64) {
            throw new HamsterException(ErrorCode.INVALID_INPUT,
                    "a hex seed has 64 hex digits after 0x, not " + digits.length());
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "the seed is not valid hex");
        }
    }
}

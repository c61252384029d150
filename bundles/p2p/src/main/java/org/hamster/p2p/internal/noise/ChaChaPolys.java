package org.hamster.p2p.internal.noise;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the ChaCha20-Poly1305 implementation once per process. {@code auto} (the default) takes Conscrypt's
 * native BoringSSL cipher when the Conscrypt bundle is there and its library loads, else Bouncy Castle's pure
 * Java one; {@code native} insists on Conscrypt; {@code java} always takes Bouncy Castle. Both give the same
 * bytes (ChaChaPolyTest); the choice only changes speed. Set with the system property {@value #PROPERTY}.
 */
public final class ChaChaPolys {
    static final String PROPERTY = "org.hamster.p2p.aead";
    private static final Logger LOG = LoggerFactory.getLogger(ChaChaPolys.class);
    private static final Provider PROVIDER = choose(System.getProperty(PROPERTY, "auto"));

    private ChaChaPolys() {
    }

    /** A cipher for one direction under {@code key} (32 bytes). */
    static ChaChaPoly create(byte[] key) {
        if (PROVIDER == null) {
            return new BcChaChaPoly(key);
        }
        try {
            return new JcaChaChaPoly(PROVIDER, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(PROVIDER.getName() + " lost ChaCha20-Poly1305", e);
        }
    }

    /** What {@link #create} uses: "Conscrypt" or "BouncyCastle". */
    public static String implementation() {
        return PROVIDER == null ? "BouncyCastle" : PROVIDER.getName();
    }

    private static Provider choose(String setting) {
        String mode = setting.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "java":
                LOG.info("noise: ChaCha20-Poly1305 from Bouncy Castle ({}=java)", PROPERTY);
                return null;
            case "auto":
            case "native":
                break;
            default:
                throw new IllegalArgumentException(PROPERTY + " must be auto, native or java, not '" + setting + "'");
        }
        Provider p = NativeProvider.load();
        if (p != null) {
            LOG.info("noise: ChaCha20-Poly1305 from {} (native)", p.getName());
            return p;
        }
        if (mode.equals("native")) {
            throw new IllegalStateException(PROPERTY + "=native but Conscrypt is not available: "
                    + NativeProvider.failure());
        }
        LOG.info("noise: ChaCha20-Poly1305 from Bouncy Castle; Conscrypt is not available ({})", NativeProvider.failure());
        return null;
    }
}

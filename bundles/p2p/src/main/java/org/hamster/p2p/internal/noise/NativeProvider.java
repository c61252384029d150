package org.hamster.p2p.internal.noise;

import java.security.Provider;
import javax.crypto.Cipher;
import org.conscrypt.Conscrypt;

/**
 * Conscrypt, loaded apart so that its absence (an optional import in OSGi, a platform without its native library)
 * is a fallback and not an error. The provider is private to the p2p bundle: it is not added to the JVM's list.
 */
final class NativeProvider {
    private static String failure = "not tried";

    private NativeProvider() {
    }

    static synchronized Provider load() {
        try {
            if (!Conscrypt.isAvailable()) {
                failure = "its native library did not load: " + describe(unavailableCause());
                return null;
            }
            Provider p = Conscrypt.newProvider();
            Cipher.getInstance(JcaChaChaPoly.TRANSFORMATION, p);
            return p;
        } catch (LinkageError | Exception e) {
            failure = describe(e);
            return null;
        }
    }

    static synchronized String failure() {
        return failure;
    }

    private static Throwable unavailableCause() {
        try {
            Conscrypt.checkAvailability();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}

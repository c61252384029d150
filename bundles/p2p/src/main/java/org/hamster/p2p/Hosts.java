package org.hamster.p2p;

import org.hamster.p2p.internal.host.NettyHost;
import org.hamster.p2p.internal.noise.ChaChaPolys;

/** Creates {@link Host}s. */
public final class Hosts {
    private Hosts() {
    }

    /** A host with its own I/O threads; call {@link Host#listen} to accept connections. */
    public static Host create(HostConfig config) {
        return new NettyHost(config);
    }

    /**
     * Which ChaCha20-Poly1305 encrypts Noise traffic in this process: "Conscrypt" (native BoringSSL, when the
     * Conscrypt bundle is installed and loads) or "BouncyCastle" (pure Java, several times slower). The system
     * property {@code org.hamster.p2p.aead} (auto, native, java) decides; it is read once.
     */
    public static String noiseCipher() {
        return ChaChaPolys.implementation();
    }
}

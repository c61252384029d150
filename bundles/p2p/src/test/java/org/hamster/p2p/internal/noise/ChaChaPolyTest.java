package org.hamster.p2p.internal.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.Arrays;
import java.util.Random;
import org.hamster.p2p.internal.WireException;
import org.junit.jupiter.api.Test;

/**
 * The native (Conscrypt) and pure Java (Bouncy Castle) ChaCha20-Poly1305 give the same bytes and refuse the same.
 * Bouncy Castle's output is pinned by the Noise test vector (XXHandshakeTest) and by js-libp2p (JsInteropTest).
 */
class ChaChaPolyTest {
    private static Provider conscrypt() {
        Provider p = NativeProvider.load();
        assertNotNull(p, "Conscrypt must load on this platform: " + NativeProvider.failure());
        return p;
    }

    @Test
    void bothImplementationsAgreeOnRandomInputsAndInPlace() throws Exception {
        Random random = new Random(8439);
        Provider p = conscrypt();
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            int len = round < 20 ? round : random.nextInt(NoiseTransportCodec.MAX_PLAINTEXT + 1);
            byte[] plain = new byte[len];
            random.nextBytes(plain);
            byte[] ad = round % 3 == 0 ? null : new byte[round % 3 == 1 ? 0 : 32];
            if (ad != null) {
                random.nextBytes(ad);
            }
            long nonce = round % 5 == 0 ? -2L : random.nextLong();
            ChaChaPoly bc = new BcChaChaPoly(key);
            ChaChaPoly jca = new JcaChaChaPoly(p, key);
            byte[] a = new byte[len + 16];
            bc.seal(nonce, ad, ByteBuffer.wrap(plain), ByteBuffer.wrap(a));
            // native: in place in direct memory at an offset, as NoiseTransportCodec does
            ByteBuffer direct = ByteBuffer.allocateDirect(len + 16 + 7);
            direct.position(7);
            direct.put(plain);
            jca.seal(nonce, ad, direct.duplicate().position(7).limit(7 + len), direct.duplicate().position(7));
            byte[] sealed = new byte[len + 16];
            direct.duplicate().position(7).get(sealed);
            assertArrayEquals(a, sealed, "round " + round);
            ByteBuffer fromJca = ByteBuffer.allocateDirect(len);
            assertEquals(len, jca.open(nonce, ad, ByteBuffer.wrap(a), fromJca));
            byte[] fromBc = new byte[len];
            assertEquals(len, bc.open(nonce, ad, direct.duplicate().position(7), ByteBuffer.wrap(fromBc)));
            assertArrayEquals(plain, fromBc);
            byte[] jcaBytes = new byte[len];
            fromJca.flip().get(jcaBytes);
            assertArrayEquals(plain, jcaBytes);
        }
    }

    @Test
    void aTamperedFrameFailsInBothAndTheStateStaysUsable() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        for (ChaChaPoly impl : new ChaChaPoly[] {new BcChaChaPoly(key), new JcaChaChaPoly(conscrypt(), key)}) {
            CipherState sender = new CipherState(impl instanceof BcChaChaPoly ? new BcChaChaPoly(key)
                    : new JcaChaChaPoly(conscrypt(), key));
            CipherState receiver = new CipherState(impl);
            byte[] frame = new byte[100 + 16];
            sender.encrypt(null, new byte[100], 0, 100, frame, 0);
            byte[] bad = frame.clone();
            bad[50] ^= 1;
            byte[] out = new byte[100];
            assertThrows(WireException.class, () -> receiver.decrypt(null, bad, 0, bad.length, out, 0));
            assertEquals(100, receiver.decrypt(null, frame, 0, frame.length, out, 0)); // nonce did not advance
            assertArrayEquals(new byte[100], out);
        }
    }

    @Test
    void theProcessWideChoiceFollowsTheSetting() {
        // the default surefire run takes Conscrypt; the bouncy-castle execution sets org.hamster.p2p.aead=java
        boolean java = "java".equals(System.getProperty(ChaChaPolys.PROPERTY));
        assertEquals(java ? "BouncyCastle" : "Conscrypt", ChaChaPolys.implementation());
    }
}

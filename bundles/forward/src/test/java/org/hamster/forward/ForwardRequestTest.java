package org.hamster.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;
import org.junit.jupiter.api.Test;

class ForwardRequestTest {
    private final Ed25519.KeyPair tenant = Ed25519.generate();
    private final AccountId id = AccountId.of(tenant.publicKey());
    private final H256 genesis = H256.of(new byte[32]);

    @Test
    void signedRequestsRoundTrip() {
        ForwardRequest r = ForwardRequest.create(42, id, genesis, 60_000);
        byte[] wire = r.sign(tenant);
        assertEquals(ForwardRequest.LENGTH, wire.length);
        assertEquals(r, ForwardRequest.verify(wire));
    }

    @Test
    void everyByteIsCoveredByTheSignature() {
        byte[] wire = ForwardRequest.create(7, id, genesis, 60_000).sign(tenant);
        for (int i = 0; i < wire.length; i++) {
            byte[] bad = wire.clone();
            bad[i] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> ForwardRequest.verify(bad), "byte " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> ForwardRequest.verify(new byte[10]));
        assertThrows(IllegalArgumentException.class, () -> ForwardRequest.verify(null));
    }

    @Test
    void onlyTheTenantCanSign() {
        ForwardRequest r = ForwardRequest.create(1, id, genesis, 60_000);
        assertThrows(IllegalArgumentException.class, () -> r.sign(Ed25519.generate()));
    }

    @Test
    void statusesEncodeTheirReason() {
        byte[] b = ForwardStatus.REPLAYED.encode("used");
        assertEquals(ForwardStatus.REPLAYED, ForwardStatus.of(b[0]));
        assertEquals(4, ((b[1] & 0xff) << 8) | (b[2] & 0xff));
        assertEquals(3 + 1024, ForwardStatus.OK.encode("x".repeat(5000)).length);
        assertThrows(IllegalArgumentException.class, () -> ForwardStatus.of(99));
    }
}

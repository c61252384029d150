package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TransactionRejected.Invalid;
import org.hamster.common.Bytes;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.storage.MemoryKvStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a transaction is refused leaves the state, the pool and the chain exactly as they were. */
class RejectionTest {
    private final DevNet net;
    private final AccountId bob = DevNet.id("Bob");
    private final Ed25519.KeyPair alice = DevNet.key("Alice");

    RejectionTest() throws Exception {
        net = new DevNet(new MemoryKvStore());
        net.node.sealNow();
    }

    @AfterEach
    void close() {
        net.close();
    }

    private TransactionRejected rejected(byte[] xt, Invalid expected) {
        Map<Bytes, Bytes> before = net.snapshot();
        long best = net.node.bestHeader().number();
        TransactionRejected e = assertThrows(TransactionRejected.class, () -> net.node.submit(xt));
        assertEquals(expected, e.reason(), e.getMessage());
        assertEquals(before, net.snapshot(), "state changed by a rejected transaction");
        assertTrue(net.node.pendingExtrinsics().isEmpty(), "a rejected transaction stays out of the pool");
        assertEquals(best, net.node.bestHeader().number());
        return e;
    }

    @Test
    void badSignature() {
        byte[] xt = net.transfer("Alice", bob, DevNet.UNIT);
        xt[40] ^= 1; // inside the 64-byte signature, after length, version, address
        rejected(xt, Invalid.BAD_PROOF);
    }

    @Test
    void onlyEd25519SignaturesCanBeValid() {
        byte[] call = DevNet.transferCall(bob, DevNet.UNIT);
        for (Extrinsic.SignatureType type : new Extrinsic.SignatureType[] {Extrinsic.SignatureType.SR25519,
            Extrinsic.SignatureType.ECDSA}) {
            byte[] sig = new byte[type.length()];
            java.util.Arrays.fill(sig, (byte) 1);
            byte[] xt = Extrinsic.signed(DevNet.id("Alice"), type, sig, Era.IMMORTAL, 0, BigInteger.ZERO, call);
            TransactionRejected e = rejected(xt, Invalid.BAD_PROOF);
            assertTrue(e.getMessage().contains("Ed25519"), e.getMessage());
        }
    }

    @Test
    void signedByAnotherKeyThanTheSender() {
        byte[] good = net.transfer("Alice", bob, DevNet.UNIT);
        byte[] other = net.transfer("Bob", DevNet.id("Charlie"), DevNet.UNIT);
        System.arraycopy(other, 4, good, 4, 32); // Bob's address with Alice's signature
        rejected(good, Invalid.BAD_PROOF);
    }

    @Test
    void wrongGenesis() {
        H256 otherGenesis = H256.of(new byte[32]);
        byte[] xt = ExtrinsicSigner.sign(alice, DevNet.transferCall(bob, DevNet.UNIT), 0, BigInteger.ZERO,
                Era.IMMORTAL, net.node.runtimeVersion(), otherGenesis, otherGenesis);
        rejected(xt, Invalid.BAD_PROOF);
    }

    @Test
    void expiredEra() {
        long current = net.node.bestHeader().number();
        Era era = Era.mortal(4, current);
        H256 birth = net.node.blockHash(era.birth(current)).orElseThrow();
        byte[] xt = ExtrinsicSigner.sign(alice, DevNet.transferCall(bob, DevNet.UNIT), 0, BigInteger.ZERO, era,
                net.node.runtimeVersion(), net.node.info().genesisHash(), birth);
        for (int i = 0; i < 6; i++) {
            net.node.sealNow();
        }
        TransactionRejected e = rejected(xt, Invalid.STALE);
        assertTrue(e.getMessage().contains("era"), e.getMessage());
    }

    @Test
    void mortalEraWithinItsPeriodIsAccepted() throws Exception {
        long current = net.node.bestHeader().number();
        Era era = Era.mortal(64, current);
        H256 birth = net.node.blockHash(era.birth(current)).orElseThrow();
        byte[] xt = ExtrinsicSigner.sign(alice, DevNet.transferCall(bob, DevNet.UNIT), 0, BigInteger.ZERO, era,
                net.node.runtimeVersion(), net.node.info().genesisHash(), birth);
        net.node.sealNow();
        net.node.submit(xt);
        net.node.sealNow();
        assertEquals(1, net.account(DevNet.id("Alice")).nonce());
    }

    @Test
    void staleNonce() throws Exception {
        net.node.submit(net.sign(alice, DevNet.transferCall(bob, DevNet.UNIT), 0));
        net.node.sealNow();
        rejected(net.sign(alice, DevNet.transferCall(bob, DevNet.UNIT.add(BigInteger.ONE)), 0), Invalid.STALE);
    }

    @Test
    void nonceTooFarInTheFuture() {
        rejected(net.sign(alice, DevNet.transferCall(bob, DevNet.UNIT), Node.MAX_FUTURE_NONCE_GAP + 1),
                Invalid.FUTURE);
    }

    @Test
    void cannotPayTheFee() throws Exception {
        Ed25519.KeyPair pauper = KeyDerivation.pair("//Pauper");
        rejected(net.sign(pauper, DevNet.transferCall(bob, DevNet.UNIT), 0), Invalid.PAYMENT);
    }

    @Test
    void transferMoreThanTheBalance() {
        TransactionRejected e = rejected(net.transfer("Alice", bob, BigInteger.TEN.pow(19)), Invalid.CUSTOM);
        assertTrue(e.getMessage().contains("Balances"), e.getMessage());
    }

    @Test
    void transferBelowTheExistentialDepositToANewAccount() throws Exception {
        AccountId fresh = AccountId.of(KeyDerivation.pair("//Fresh").publicKey());
        TransactionRejected e = rejected(net.transfer("Alice", fresh, BigInteger.valueOf(999_999_999L)),
                Invalid.CUSTOM);
        assertTrue(e.getMessage().contains("ExistentialDeposit"), e.getMessage());
    }

    @Test
    void unsignedExtrinsicFromOutside() {
        byte[] call = DevNet.transferCall(bob, DevNet.UNIT);
        rejected(org.hamster.chain.Extrinsic.unsigned(call), Invalid.CALL);
    }

    @Test
    void duplicateSubmission() throws Exception {
        byte[] xt = net.transfer("Alice", bob, DevNet.UNIT);
        net.node.submit(xt);
        TransactionRejected e = assertThrows(TransactionRejected.class, () -> net.node.submit(xt));
        assertEquals(1013, e.customCode());
        assertEquals(1, net.node.pendingExtrinsics().size());
    }

    /** Fuzz: random bytes and mutations of a valid extrinsic are refused cleanly, never crash, change nothing. */
    @Test
    void malformedExtrinsicsAreRefused() {
        Random rnd = new Random(42);
        byte[] valid = net.transfer("Alice", bob, DevNet.UNIT);
        Map<Bytes, Bytes> before = net.snapshot();
        for (int i = 0; i < 3000; i++) {
            byte[] xt;
            switch (i % 4) {
                case 0 -> {
                    xt = new byte[rnd.nextInt(200)];
                    rnd.nextBytes(xt);
                }
                case 1 -> xt = java.util.Arrays.copyOf(valid, rnd.nextInt(valid.length));
                case 2 -> {
                    xt = valid.clone();
                    for (int m = 0; m <= rnd.nextInt(3); m++) {
                        xt[rnd.nextInt(xt.length)] ^= (byte) (1 + rnd.nextInt(255));
                    }
                }
                default -> {
                    xt = java.util.Arrays.copyOf(valid, valid.length + 1 + rnd.nextInt(8));
                }
            }
            byte[] input = xt;
            if (java.util.Arrays.equals(input, valid)) {
                continue;
            }
            assertThrows(TransactionRejected.class, () -> net.node.submit(input), () -> "accepted " + Bytes.wrap(input));
        }
        assertEquals(before, net.snapshot());
        assertTrue(net.node.pendingExtrinsics().isEmpty());
        net.node.sealNow();
        assertEquals(0, net.account(DevNet.id("Alice")).nonce());
    }
}

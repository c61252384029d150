package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.Header;
import org.hamster.chain.TxStatus;
import org.hamster.storage.MemoryKvStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransferTest {
    private final DevNet net;

    TransferTest() throws Exception {
        net = new DevNet(new MemoryKvStore());
    }

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void genesisFundsTheDevAccounts() {
        assertEquals(0, net.node.bestHeader().number());
        for (String n : List.of("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie")) {
            assertEquals(BigInteger.TEN.pow(18), net.free(DevNet.id(n)), n);
        }
        assertEquals("HAM", net.node.info().properties().get("tokenSymbol"));
    }

    @Test
    void signedTransferIsExecutedInTheNextBlock() throws Exception {
        AccountId bob = DevNet.id("Bob");
        AccountId alice = DevNet.id("Alice");
        BigInteger amount = DevNet.UNIT.multiply(BigInteger.valueOf(5));
        byte[] xt = net.transfer("Alice", bob, amount);
        BigInteger fee = net.node.queryFee(xt).partialFee();
        List<TxStatus> statuses = new ArrayList<>();
        net.node.submitAndWatch(xt, statuses::add);
        assertEquals(1, net.node.pendingExtrinsics().size());
        assertEquals(1, net.node.accountNextIndex(alice));

        Header h = net.node.sealNow();

        assertEquals(1, h.number());
        assertEquals(2, net.bodyOfBest().size(), "timestamp inherent + transfer");
        assertEquals(BigInteger.TEN.pow(18).add(amount), net.free(bob));
        assertEquals(BigInteger.TEN.pow(18).subtract(amount).subtract(fee), net.free(alice));
        assertEquals(1, net.account(alice).nonce());
        assertTrue(net.node.pendingExtrinsics().isEmpty());
        assertEquals(List.of(TxStatus.Kind.READY, TxStatus.Kind.IN_BLOCK), statuses.stream().map(TxStatus::kind).toList());
        net.node.sealNow(); // finality follows one block later
        assertEquals(List.of(TxStatus.Kind.READY, TxStatus.Kind.IN_BLOCK, TxStatus.Kind.FINALIZED),
                statuses.stream().map(TxStatus::kind).toList());
        assertEquals(h.hash(), statuses.get(2).block(), "the transaction's block is final");
        List<EventRecord> events = net.node.events(h.hash());
        assertTrue(events.stream().anyMatch(e -> e.palletIndex() == 2 && e.extrinsicIndex() == 1),
                "a Balances event for the transfer: " + events);
        assertTrue(events.stream().anyMatch(e -> e.palletIndex() == 0 && e.eventIndex() == 0 && e.extrinsicIndex() == 1),
                "ExtrinsicSuccess: " + events);
    }

    @Test
    void everyBlockCommitsToItsParentAndState() {
        Header h1 = net.node.sealNow();
        Header h2 = net.node.sealNow();
        assertEquals(h1.hash(), h2.parentHash());
        assertEquals(net.node.blockHash(1).orElseThrow(), h1.hash());
        assertNotEquals(h1.stateRoot(), h2.stateRoot(), "the timestamp and block number change the state");
        assertTrue(net.node.header(h2.hash()).isPresent());
    }

    @Test
    void historicReadsSeeTheStateOfThatBlock() throws Exception {
        AccountId bob = DevNet.id("Bob");
        net.node.submit(net.transfer("Alice", bob, DevNet.UNIT));
        net.node.sealNow();
        byte[] key = org.hamster.pallet.system.SystemStorage.ACCOUNT.key(bob);
        byte[] atGenesis = net.node.storage(key, net.node.blockHash(0).orElseThrow()).orElseThrow();
        byte[] now = net.node.storage(key, null).orElseThrow();
        assertTrue(!java.util.Arrays.equals(atGenesis, now));
    }

    @Test
    void futureNonceWaitsForTheGapToClose() throws Exception {
        AccountId bob = DevNet.id("Bob");
        byte[] second = net.sign(DevNet.key("Alice"), DevNet.transferCall(bob, DevNet.UNIT), 1);
        net.node.submit(second);
        net.node.sealNow();
        assertEquals(0, net.account(DevNet.id("Alice")).nonce(), "nonce 1 is not ready while 0 is missing");
        net.node.submit(net.sign(DevNet.key("Alice"), DevNet.transferCall(bob, DevNet.UNIT), 0));
        net.node.sealNow();
        assertEquals(2, net.account(DevNet.id("Alice")).nonce());
        assertEquals(BigInteger.TEN.pow(18).add(DevNet.UNIT.shiftLeft(1)), net.free(bob));
    }
}

package org.hamster.explorer.internal;

import static org.hamster.explorer.internal.FakeChain.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.Era;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.client.Calls;
import org.hamster.codec.ScaleWriter;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.system.DispatchInfo;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.transactionpayment.TransactionPaymentEvent;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The explorer's queries over a chain of three blocks: the genesis, a transfer, a failed transfer. */
class ExplorerTest {
    private static final long T1 = 1_764_000_000_000L;
    private static final AccountId ALICE = AccountId.of(MetadataDecoderTest.filled(32, 1));
    private static final AccountId BOB = AccountId.of(MetadataDecoderTest.filled(32, 2));
    private static final BigInteger AMOUNT = new BigInteger("1500000000000");
    private static final DispatchInfo INFO = new DispatchInfo(10, 0, DispatchInfo.NORMAL, true);
    private static final DispatchError NO_MONEY = new DispatchError(DispatchError.Kind.MODULE, 2,
            BalancesError.InsufficientBalance.index(), "");

    private final FakeChain chain = new FakeChain()
            .block(T1 - 6000, List.of(), List.of())
            .block(T1, List.of(timestamp(T1), transfer(0)), List.of(
                    event(0, new SystemEvent.ExtrinsicSuccess(INFO)),
                    event(1, new BalancesEvent.Withdraw(ALICE, BigInteger.TEN)),
                    event(1, new BalancesEvent.Transfer(ALICE, BOB, AMOUNT)),
                    event(1, new TransactionPaymentEvent.TransactionFeePaid(ALICE, BigInteger.TEN, BigInteger.ZERO)),
                    event(1, new SystemEvent.ExtrinsicSuccess(INFO))))
            .block(T1 + 6000, List.of(timestamp(T1 + 6000), transfer(1)), List.of(
                    event(0, new SystemEvent.ExtrinsicSuccess(INFO)),
                    event(1, new SystemEvent.ExtrinsicFailed(NO_MONEY, INFO)),
                    event(-1, new BalancesEvent.Deposit(BOB, BigInteger.ONE))))
            .account(ALICE, FakeChain.balances(2_000_000_000_000L, 500_000_000_000L, 0));
    private final Explorer explorer = new Explorer(chain.client());

    @Test
    void info() {
        assertEquals(new Views.ChainInfo("Hamster Dev", chain.hash(0).hex(), 2, chain.hash(2).hex(), "hamster", 7,
                "HAM", 12, 42), explorer.info());
    }

    @Test
    void blocksNewestFirstWithCounts() {
        List<Views.BlockSummary> blocks = explorer.blocks(null, null);
        assertEquals(List.of(2L, 1L, 0L), blocks.stream().map(Views.BlockSummary::number).toList());
        assertEquals(new Views.BlockSummary(1, chain.hash(1).hex(), chain.hash(0).hex(), Instant.ofEpochMilli(T1)
                .toString(), 2, 5), blocks.get(1));
        assertEquals(0, blocks.get(2).extrinsics());
        assertEquals(List.of(2L, 1L), numbers(explorer.blocks("2", "")));
        assertEquals(List.of(1L, 0L), numbers(explorer.blocks("20", "2")));
        assertEquals(List.of(2L), numbers(explorer.blocks("1", "99")));
        assertEquals(List.of(), numbers(explorer.blocks("5", "0")));
    }

    @Test
    void badPagingIs400() {
        for (String[] bad : new String[][] {{"0", null}, {"101", null}, {"-1", null}, {"x", null}, {"1.5", null},
            {null, "-3"}, {null, "abc"}, {null, "99999999999"}}) {
            assertApiError(400, "bad-request", () -> explorer.blocks(bad[0], bad[1]));
        }
    }

    @Test
    void aBlockWithItsCallsAndEventsDecoded() {
        Views.Block block = explorer.block("1");
        assertEquals(block, explorer.block(chain.hash(1).hex()));
        assertEquals(Instant.ofEpochMilli(T1).toString(), block.timestamp());
        Views.Extrinsic inherent = block.extrinsics().get(0);
        assertEquals(List.of("Timestamp", "set", Map.of("now", Instant.ofEpochMilli(T1).toString()), true),
                List.of(inherent.pallet(), inherent.call(), inherent.args(), inherent.success()));
        assertNull(inherent.signer());
        Views.Extrinsic transfer = block.extrinsics().get(1);
        assertEquals(new Views.Extrinsic(1, transfer.hash(), ALICE.ss58(), 0L, "Balances", "transfer_allow_death",
                Map.of("dest", BOB.ss58(), "value", "1.5 HAM"), true, null), transfer);
        Views.Event moved = block.events().get(2);
        assertEquals(new Views.Event(2, 1, "ApplyExtrinsic", "Balances", "Transfer",
                Map.of("from", ALICE.ss58(), "to", BOB.ss58(), "amount", "1.5 HAM")), moved);
        assertEquals(Map.of("who", ALICE.ss58(), "actualFee", "0.00000000001 HAM", "tip", "0 HAM"),
                block.events().get(3).fields());
    }

    @Test
    void aFailedExtrinsicNamesItsError() {
        Views.Block block = explorer.block("2");
        Views.Extrinsic failed = block.extrinsics().get(1);
        assertEquals(false, failed.success());
        assertEquals("Balances.InsufficientBalance", failed.error());
        Views.Event last = block.events().get(2);
        assertEquals(List.of("Finalization", "Deposit"), List.of(last.phase(), last.name()));
        assertNull(last.extrinsic());
    }

    @Test
    void theMetadataIsFetchedOncePerRuntimeVersion() {
        var client = chain.client();
        MetadataCache cache = new MetadataCache();
        Views.Block first = new Explorer(client, cache).block("1");
        new Explorer(client, cache).block("2");
        new Explorer(client, cache).block("1");
        assertEquals(1, chain.metadataFetches);
        assertEquals(explorer.block("1"), first);
    }

    @Test
    void unknownBlocksAre404AndMalformedIds400() {
        assertApiError(404, "not-found", () -> explorer.block("3"));
        assertApiError(404, "not-found", () -> explorer.block("0x" + "ab".repeat(32)));
        for (String bad : new String[] {"", "-1", "x", "0x12", "0x" + "zz".repeat(32), "4294967296", "1 "}) {
            assertApiError(400, "bad-request", () -> explorer.block(bad));
        }
    }

    @Test
    void accountsWithTheirBalances() {
        assertEquals(new Views.Account(ALICE.ss58(), 3, "2 HAM", "0.5 HAM", "0 HAM"), explorer.account(ALICE.ss58()));
        assertEquals(new Views.Account(BOB.ss58(), 0, "0 HAM", "0 HAM", "0 HAM"), explorer.account(
                org.hamster.common.Hex.encode(BOB.publicKey())));
        for (String bad : new String[] {"", "nope", "5Grw", "0x12"}) {
            assertApiError(400, "bad-request", () -> explorer.account(bad));
        }
    }

    @Test
    void anUnreachableNodeIs503AndAFailingOne502() {
        chain.failWith(FakeChain.unavailable());
        assertApiError(503, "chain-unavailable", explorer::info);
        chain.failWith(FakeChain.rpcError());
        assertApiError(502, "chain-error", () -> explorer.blocks(null, null));
    }

    @Test
    void theResourceIs503WithoutAConnectedNode() {
        ChainResource resource = new ChainResource();
        assertApiError(503, "chain-unavailable", resource::info);
        resource.chain = chain.client();
        chain.connected = false;
        assertApiError(503, "chain-unavailable", () -> resource.account(ALICE.ss58()));
        chain.connected = true;
        assertEquals(3, resource.blocks(null, null).size());
    }

    private static List<Long> numbers(List<Views.BlockSummary> blocks) {
        return blocks.stream().map(Views.BlockSummary::number).toList();
    }

    private static void assertApiError(int status, String code, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(List.of(status, code), List.of(e.status(), e.code()), e.getMessage());
        assertTrue(!e.getMessage().isBlank());
    }

    private static byte[] timestamp(long now) {
        return Extrinsic.unsigned(new ScaleWriter().u8(1).u8(0).compact(now).toByteArray());
    }

    private static byte[] transfer(long nonce) {
        return Extrinsic.signed(ALICE, new byte[64], Era.IMMORTAL, nonce, BigInteger.ZERO,
                Calls.dev().transferAllowDeath(BOB, AMOUNT));
    }
}

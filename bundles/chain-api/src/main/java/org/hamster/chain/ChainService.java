package org.hamster.chain;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The running node as seen by RPC, the shell and other local users. Reads without a block hash use the best
 * block; reads at an unknown or pruned block return empty.
 */
public interface ChainService {
    ChainInfo info();

    RuntimeVersion runtimeVersion();

    Header bestHeader();

    H256 finalizedHash();

    Optional<H256> blockHash(long number);

    Optional<Header> header(H256 hash);

    Optional<List<byte[]>> blockBody(H256 hash);

    /** Storage value at a block (null hash = best); empty if the key is absent at that block. */
    Optional<byte[]> storage(byte[] key, H256 at);

    /** Keys with the prefix, in order, strictly after {@code startKey} (nullable), at most {@code count}. */
    List<byte[]> storageKeys(byte[] prefix, byte[] startKey, int count, H256 at);

    /** Validates and queues an extrinsic; returns its hash. */
    H256 submit(byte[] extrinsic) throws TransactionRejected;

    /** Like submit, but reports every status change until a terminal one. */
    H256 submitAndWatch(byte[] extrinsic, Consumer<TxStatus> listener) throws TransactionRejected;

    List<byte[]> pendingExtrinsics();

    /** Next nonce for the account, counting its transactions waiting in the pool. */
    long accountNextIndex(AccountId account);

    FeeInfo queryFee(byte[] extrinsic) throws TransactionRejected;

    /**
     * A runtime API call as state_call does it, on the state after block {@code at} (null: the best block); throws
     * IllegalArgumentException for an unknown method or block, or input that is not the method's arguments.
     */
    byte[] call(String method, byte[] data, H256 at);

    Subscription onNewHead(Consumer<Header> listener);

    Subscription onFinalizedHead(Consumer<Header> listener);

    /** Reports the current values at once, then after each block that changed one of them. */
    Subscription onStorage(List<byte[]> keys, Consumer<StorageChange> listener);

    /** Pallet name to index, as the chain spec fixes them. */
    default java.util.Map<String, Integer> palletIndices() {
        return java.util.Map.of();
    }

    /** The decoded System.Events of a block (null = best); empty if the block is unknown. */
    default List<EventRecord> events(H256 at) {
        return List.of();
    }

    boolean isSyncing();

    int peers();
}

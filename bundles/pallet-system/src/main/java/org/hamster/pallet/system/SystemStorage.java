package org.hamster.pallet.system;

import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codecs;

/** The System pallet's storage items, at Substrate's keys. */
public final class SystemStorage {
    public static final String PALLET = "System";
    public static final StorageMap<AccountId, AccountInfo> ACCOUNT = new StorageMap<>(PALLET, "Account",
            Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, AccountInfo.CODEC);
    public static final StorageMap<Long, H256> BLOCK_HASH = new StorageMap<>(PALLET, "BlockHash",
            Hasher.TWOX_64_CONCAT, Codecs.U32, H256.CODEC);
    public static final StorageValue<Long> NUMBER = new StorageValue<>(PALLET, "Number", Codecs.U32);
    public static final StorageValue<H256> PARENT_HASH = new StorageValue<>(PALLET, "ParentHash", H256.CODEC);
    public static final StorageValue<Long> EXTRINSIC_COUNT = new StorageValue<>(PALLET, "ExtrinsicCount", Codecs.U32);
    public static final StorageValue<Long> EVENT_COUNT = new StorageValue<>(PALLET, "EventCount", Codecs.U32);
    /** Vec&lt;EventRecord&gt; of the last block, raw (see org.hamster.chain.EventRecords). */
    public static final StorageValue<byte[]> EVENTS = new StorageValue<>(PALLET, "Events",
            Codecs.of((w, v) -> w.bytes(v), r -> r.bytes(r.remaining())));

    private SystemStorage() {
    }
}

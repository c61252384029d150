package org.hamster.pallet.system.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.support.SpecValues;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.crypto.Blake2b;
import org.hamster.pallet.system.SystemCall;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.osgi.service.component.annotations.Component;

/**
 * frame_system: accounts and block bookkeeping live in storage the executive maintains; calls are remarks.
 * Chain-spec constants (both optional): {@code blockHashCount} (u32, at least 1, default 2400: how many blocks a
 * mortal transaction's birth block may lie back, which the executive enforces) and {@code ss58Prefix} (u16 below
 * 16384, default 42: the address format the metadata announces; keep it equal to the spec's
 * {@code properties.ss58Format}).
 */
@Component(service = Pallet.class, property = "pallet.name=System")
public class SystemPallet implements Pallet {
    /** Upper bound of a remark, so a call cannot bloat a block. */
    static final int MAX_REMARK = 64 * 1024;
    static final long DEFAULT_BLOCK_HASH_COUNT = 2400;
    static final int DEFAULT_SS58_PREFIX = 42;
    /** SS58 prefixes are 14 bits. */
    static final int MAX_SS58_PREFIX = 16383;

    /** The two constants. */
    private record Config(long blockHashCount, int ss58Prefix) {
    }

    private volatile Config config = new Config(DEFAULT_BLOCK_HASH_COUNT, DEFAULT_SS58_PREFIX);

    @Override
    public String name() {
        return SystemStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        JsonNode count = constants.path("blockHashCount");
        long blockHashCount = SpecValues.absent(count) ? DEFAULT_BLOCK_HASH_COUNT
                : SpecValues.u64(count, "System.blockHashCount");
        if (blockHashCount < 1 || blockHashCount > 0xffffffffL) {
            throw new IllegalArgumentException("System.blockHashCount must be within 1..2^32-1, got "
                    + blockHashCount);
        }
        JsonNode prefix = constants.path("ss58Prefix");
        long ss58 = SpecValues.absent(prefix) ? DEFAULT_SS58_PREFIX : SpecValues.u64(prefix, "System.ss58Prefix");
        if (ss58 > MAX_SS58_PREFIX) {
            throw new IllegalArgumentException("System.ss58Prefix must be within 0.." + MAX_SS58_PREFIX + ", got "
                    + ss58);
        }
        config = new Config(blockHashCount, (int) ss58);
    }

    public long blockHashCount() {
        return config.blockHashCount();
    }

    public int ss58Prefix() {
        return config.ss58Prefix();
    }

    @Override
    public PalletMeta metadata() {
        Config c = config;
        return SystemMetadata.build(c.blockHashCount(), c.ss58Prefix());
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
        return switch (callIndex) {
            case 0 -> new SystemCall.Remark(remark(args));
            case 7 -> new SystemCall.RemarkWithEvent(remark(args));
            default -> throw new ScaleException("unknown System call " + callIndex);
        };
    }

    private static byte[] remark(ScaleReader r) {
        byte[] b = r.vecBytes();
        if (b.length > MAX_REMARK) {
            throw new ScaleException("remark longer than " + MAX_REMARK + " bytes");
        }
        return b;
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        AccountId who = origin.ensureSigned();
        if (call instanceof SystemCall.RemarkWithEvent r) {
            ctx.deposit(new SystemEvent.Remarked(who, H256.of(Blake2b.hash256(r.remark()))));
        }
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        SystemEvent.skip(eventIndex, r);
    }
}

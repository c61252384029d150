package org.hamster.pallet.system.internal;

import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.crypto.Blake2b;
import org.hamster.pallet.system.SystemCall;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.osgi.service.component.annotations.Component;

/** frame_system: accounts and block bookkeeping live in storage the executive maintains; calls are remarks. */
@Component(service = Pallet.class, property = "pallet.name=System")
public class SystemPallet implements Pallet {
    /** Upper bound of a remark, so a call cannot bloat a block. */
    static final int MAX_REMARK = 64 * 1024;

    @Override
    public String name() {
        return SystemStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
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

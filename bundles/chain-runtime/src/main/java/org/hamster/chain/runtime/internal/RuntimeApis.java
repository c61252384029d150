package org.hamster.chain.runtime.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.TransactionRejected;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.chain.spi.State;

/** The runtime APIs reachable through state_call, with Substrate's method names and SCALE layouts. */
final class RuntimeApis {
    private final Chain chain;

    RuntimeApis(Chain chain) {
        this.chain = chain;
    }

    byte[] call(String method, byte[] data, State state) {
        try {
            return switch (method) {
                case "Core_version" -> version(chain.modules().version());
                case "AccountNonceApi_account_nonce" -> nonce(data, state);
                case "TransactionPaymentApi_query_info" -> queryInfo(data);
                default -> throw new IllegalArgumentException("unknown runtime API method " + method);
            };
        } catch (ScaleException e) {
            throw new IllegalArgumentException("bad " + method + " input: " + e.getMessage());
        }
    }

    static byte[] version(RuntimeVersion v) {
        ScaleWriter w = new ScaleWriter();
        w.string(v.specName()).string(v.implName()).u32(v.authoringVersion()).u32(v.specVersion())
                .u32(v.implVersion());
        w.vec(v.apis(), (x, a) -> x.bytes(a.id()).u32(a.version()));
        w.u32(v.transactionVersion()).u8(v.stateVersion());
        return w.toByteArray();
    }

    private static byte[] nonce(byte[] data, State state) {
        ScaleReader r = new ScaleReader(data);
        AccountId who = AccountId.CODEC.decode(r);
        r.expectEnd();
        return new ScaleWriter().u32(Executive.nonceOf(state, who)).toByteArray();
    }

    private byte[] queryInfo(byte[] data) {
        ScaleReader r = new ScaleReader(data);
        int start = r.position();
        int len = r.compactLength();
        r.bytes(len);
        byte[] xt = r.copyRange(start, r.position() - start);
        r.u32();
        r.expectEnd();
        BigInteger fee;
        try {
            fee = fee(xt);
        } catch (TransactionRejected e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        ScaleWriter w = new ScaleWriter();
        w.compact(Executive.CALL_WEIGHT).compact(0).u8(0).u128(fee);
        return w.toByteArray();
    }

    /** Fee of an extrinsic without checking its signature (wallets estimate with a dummy signature). */
    BigInteger fee(byte[] opaque) throws TransactionRejected {
        Extrinsic xt = Executive.decode(opaque);
        Executive.Checked c = chain.executive().check(xt, chain.best().number() + 1, false);
        return c.fee();
    }
}

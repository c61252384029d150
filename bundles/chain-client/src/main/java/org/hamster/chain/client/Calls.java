package org.hamster.chain.client;

import java.math.BigInteger;
import java.util.Map;
import java.util.function.Consumer;
import org.hamster.chain.AccountId;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleWriter;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.sudo.SudoCall;
import org.hamster.pallet.sudo.SudoStorage;
import org.hamster.pallet.system.SystemCall;
import org.hamster.pallet.system.SystemStorage;

/**
 * Encodes runtime calls (pallet index, call index, SCALE arguments) by pallet name. There is no metadata RPC, so
 * the pallet indices come from the node's chain spec; {@link #dev()} has those of the development chain. The
 * arguments are encoded by the pallets' own call records ({@link #call(String, Call)}); the call index constants
 * below are those records' indices. {@link MarketCalls} covers the market pallets.
 */
public final class Calls {
    public static final int SYSTEM_REMARK = 0;
    public static final int SYSTEM_REMARK_WITH_EVENT = 7;
    public static final int BALANCES_TRANSFER_ALLOW_DEATH = 0;
    public static final int BALANCES_TRANSFER_KEEP_ALIVE = 3;
    public static final int BALANCES_TRANSFER_ALL = 4;
    public static final int SUDO_SUDO = 0;

    private final Map<String, Integer> palletIndices;

    public Calls(Map<String, Integer> palletIndices) {
        this.palletIndices = Map.copyOf(palletIndices);
    }

    public static Calls dev() {
        return new Calls(RuntimeLayout.DEV_PALLET_INDICES);
    }

    /** The pallet's index; IllegalArgumentException if the chain spec has no such pallet. */
    public int palletIndex(String pallet) {
        Integer i = palletIndices.get(pallet);
        if (i == null) {
            throw new IllegalArgumentException("no pallet " + pallet + " among " + palletIndices.keySet());
        }
        return i;
    }

    /** A pallet's call record (e.g. {@code new SudoCall.RemoveKey()}): pallet index, call index, its arguments. */
    public byte[] call(String pallet, Call call) {
        return call(pallet, call.callIndex(), call::encodeArgs);
    }

    /** Any call: its pallet's index, the call index, then the already encoded arguments. */
    public byte[] call(String pallet, int callIndex, byte[] encodedArgs) {
        return call(pallet, callIndex, w -> w.bytes(encodedArgs));
    }

    public byte[] call(String pallet, int callIndex, Consumer<ScaleWriter> args) {
        if (callIndex < 0 || callIndex > 255) {
            throw new IllegalArgumentException("call index must be 0..255, not " + callIndex);
        }
        ScaleWriter w = new ScaleWriter().u8(palletIndex(pallet)).u8(callIndex);
        args.accept(w);
        return w.toByteArray();
    }

    /** System.remark(Vec&lt;u8&gt;). */
    public byte[] remark(byte[] remark) {
        return call(SystemStorage.PALLET, new SystemCall.Remark(remark));
    }

    /** System.remark_with_event(Vec&lt;u8&gt;): like remark, and deposits System.Remarked. */
    public byte[] remarkWithEvent(byte[] remark) {
        return call(SystemStorage.PALLET, new SystemCall.RemarkWithEvent(remark));
    }

    /** Balances.transfer_allow_death(dest: MultiAddress, value: Compact&lt;u128&gt;). */
    public byte[] transferAllowDeath(AccountId dest, BigInteger value) {
        return call(BalancesStorage.PALLET, new BalancesCall.TransferAllowDeath(dest, amount(value)));
    }

    /** Balances.transfer_keep_alive(dest, value): refuses to take the sender below the existential deposit. */
    public byte[] transferKeepAlive(AccountId dest, BigInteger value) {
        return call(BalancesStorage.PALLET, new BalancesCall.TransferKeepAlive(dest, amount(value)));
    }

    /** Balances.transfer_all(dest, keep_alive: bool). */
    public byte[] transferAll(AccountId dest, boolean keepAlive) {
        return call(BalancesStorage.PALLET, new BalancesCall.TransferAll(dest, keepAlive));
    }

    /** Sudo.sudo(call): dispatches an already encoded call with Root origin. */
    public byte[] sudo(byte[] call) {
        return call(SudoStorage.PALLET, new SudoCall.Sudo(call));
    }

    /** MultiAddress::Id(AccountId32): 0x00 then the 32 bytes. */
    public static void multiAddress(ScaleWriter w, AccountId id) {
        MultiAddress.CODEC.encode(w, MultiAddress.id(id));
    }

    static BigInteger amount(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 128) {
            throw new IllegalArgumentException("amount must be a u128, not " + value);
        }
        return value;
    }
}

package org.hamster.pallet.resourceorder;

import java.math.BigInteger;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;

/** ResourceOrder calls with their call indices and SCALE argument layouts. All are signed. */
public sealed interface ResourceOrderCall extends Call {
    /** 0: the provider reserves {@code amount} more as pledge. Args {@code (amount: Compact<u128>)}. */
    record Pledge(BigInteger amount) implements ResourceOrderCall {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.compact(amount);
        }
    }

    /** 1: the provider takes back {@code amount} of its free pledge. Args {@code (amount: Compact<u128>)}. */
    record WithdrawPledge(BigInteger amount) implements ResourceOrderCall {
        public int callIndex() {
            return 1;
        }

        public void encodeArgs(ScaleWriter w) {
            w.compact(amount);
        }
    }

    /**
     * 2: the tenant orders {@code hours} of a resource, paying price x hours into escrow; the provider gets
     * {@code sshPublicKey} (an OpenSSH public key line). Args {@code (resource: u64, hours: u32,
     * ssh_public_key: Vec<u8>)}.
     */
    record CreateOrder(long resource, long hours, Bytes sshPublicKey) implements ResourceOrderCall {
        public int callIndex() {
            return 2;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(resource).u32(hours).vecBytes(sshPublicKey.unsafeArray());
        }
    }

    /** 3: the tenant withdraws a pending order, fully refunded. Args {@code (order: u64)}. */
    record CancelOrder(long order) implements ResourceOrderCall {
        public int callIndex() {
            return 3;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(order);
        }
    }

    /** 4: the resource's owner accepts a pending order (new lease or renewal). Args {@code (order: u64)}. */
    record ExecOrder(long order) implements ResourceOrderCall {
        public int callIndex() {
            return 4;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(order);
        }
    }

    /**
     * 5: the tenant pays for {@code hours} more at the resource's current price; the lease is extended when the
     * provider executes the renewal order. Args {@code (agreement: u64, hours: u32)}.
     */
    record Renew(long agreement, long hours) implements ResourceOrderCall {
        public int callIndex() {
            return 5;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(agreement).u32(hours);
        }
    }

    /** 6: the provider proves liveness; rent is settled pro rata up to now. Args {@code (agreement: u64)}. */
    record Heartbeat(long agreement) implements ResourceOrderCall {
        public int callIndex() {
            return 6;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(agreement);
        }
    }

    /** 7: the provider collects the settled rent of an agreement. Args {@code (agreement: u64)}. */
    record WithdrawRent(long agreement) implements ResourceOrderCall {
        public int callIndex() {
            return 7;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u64(agreement);
        }
    }

    /** 8: the caller collects its refunds (after a provider fault). No args. */
    record ClaimRefund() implements ResourceOrderCall {
        public int callIndex() {
            return 8;
        }

        public void encodeArgs(ScaleWriter w) {
        }
    }

    /** Decodes the arguments of call {@code index}; ScaleException for an unknown index or malformed input. */
    static ResourceOrderCall decode(int index, ScaleReader r) {
        return switch (index) {
            case 0 -> new Pledge(r.compactU128());
            case 1 -> new WithdrawPledge(r.compactU128());
            case 2 -> new CreateOrder(r.u64(), r.u32(), Bytes.wrap(r.vecBytes()));
            case 3 -> new CancelOrder(r.u64());
            case 4 -> new ExecOrder(r.u64());
            case 5 -> new Renew(r.u64(), r.u32());
            case 6 -> new Heartbeat(r.u64());
            case 7 -> new WithdrawRent(r.u64());
            case 8 -> new ClaimRefund();
            default -> throw new ScaleException("unknown ResourceOrder call " + index);
        };
    }
}

package org.hamster.pallet.sudo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.chain.support.SpecValues;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.sudo.SudoCall;
import org.hamster.pallet.sudo.SudoError;
import org.hamster.pallet.sudo.SudoEvent;
import org.hamster.pallet.sudo.SudoStorage;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pallet_sudo: one key (genesis {@code {"key": "<ss58>"}}) may dispatch any call as Root or as another account.
 * The nested call's own failure is recorded in Sudid / SudoAsDone and rolled back alone; the sudo call succeeds.
 */
@Component(service = Pallet.class, property = "pallet.name=Sudo")
public class SudoPallet implements Pallet {
    private static final Logger LOG = LoggerFactory.getLogger(SudoPallet.class);
    /** How deep sudo calls may nest while decoding, whatever the runtime's own limit: bounds the stack. */
    static final int MAX_NESTING = 64;
    private static final ThreadLocal<int[]> NESTING = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String name() {
        return SudoStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    /**
     * Substrate's description, except sudo_unchecked_weight: its weight is described as the record holds it, two
     * arguments {@code ref_time} and {@code proof_size} (Compact&lt;u64&gt; each), not one {@code Weight} struct;
     * the bytes are the same. Nested calls are the runtime's call enum ({@code Box<RuntimeCall>}). The key is
     * optional: absent once removed.
     */
    @Override
    public PalletMeta metadata() {
        Ty.Field call = Ty.field("call", StdTypes.RUNTIME_CALL, "Box<<T as Config>::RuntimeCall>");
        Ty.Field result = Ty.field("sudo_result", StdTypes.DISPATCH_RESULT, "DispatchResult");
        String lookup = "AccountIdLookupOf<T>";
        return PalletMeta.builder(SudoStorage.PALLET)
                .call(0, "sudo", "Authenticates the sudo key and dispatches a function call with `Root` origin.",
                        call)
                .call(1, "sudo_unchecked_weight", "As `sudo`, with a weight (ref_time, proof_size) the sudo key"
                        + " declares.", call, Ty.field("ref_time", StdTypes.COMPACT_U64, "u64"),
                        Ty.field("proof_size", StdTypes.COMPACT_U64, "u64"))
                .call(2, "set_key", "Authenticates the current sudo key and sets the given account as the new key.",
                        Ty.field("new", StdTypes.MULTI_ADDRESS, lookup))
                .call(3, "sudo_as", "Authenticates the sudo key and dispatches a function call with `Signed` origin"
                        + " from a given account.", Ty.field("who", StdTypes.MULTI_ADDRESS, lookup), call)
                .call(4, "remove_key", "Permanently removes the sudo key. This cannot be undone.")
                .event(0, "Sudid", "A sudo call just took place.", result)
                .event(1, "KeyChanged", "The sudo key has been updated.",
                        Ty.field("old", StdTypes.option(StdTypes.ACCOUNT_ID), "Option<T::AccountId>"),
                        Ty.field("new", StdTypes.ACCOUNT_ID, "T::AccountId"))
                .event(2, "KeyRemoved", "The key was permanently removed.")
                .event(3, "SudoAsDone", "A sudo_as call just took place.", result)
                .errors(SudoError.class)
                .value(SudoStorage.KEY, Modifier.OPTIONAL, StdTypes.ACCOUNT_ID, new byte[] {0},
                        "The `AccountId` of the sudo key.")
                .build();
    }

    @Override
    public void genesis(RuntimeContext ctx, JsonNode config) {
        JsonNode key = SpecValues.absent(config) ? config : config.path("key");
        if (!SpecValues.absent(key)) {
            AccountId k = SpecValues.account(key, "Sudo genesis key");
            SudoStorage.KEY.put(ctx.state(), k);
            LOG.debug("Sudo key {}", k);
        }
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader r, CallDecoder calls) {
        return switch (callIndex) {
            case 0 -> new SudoCall.Sudo(nested(r, calls));
            case 1 -> new SudoCall.SudoUncheckedWeight(nested(r, calls), r.compactLong(), r.compactLong());
            case 2 -> new SudoCall.SetKey(MultiAddress.CODEC.decode(r));
            case 3 -> new SudoCall.SudoAs(MultiAddress.CODEC.decode(r), nested(r, calls));
            case 4 -> new SudoCall.RemoveKey();
            default -> throw new ScaleException("unknown Sudo call " + callIndex);
        };
    }

    private static byte[] nested(ScaleReader r, CallDecoder calls) {
        int[] depth = NESTING.get();
        if (depth[0] >= MAX_NESTING) {
            throw new ScaleException("sudo calls nested deeper than " + MAX_NESTING);
        }
        depth[0]++;
        try {
            return calls.readCall(r);
        } finally {
            depth[0]--;
        }
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        ensureSudo(ctx, origin);
        if (call instanceof SudoCall.Sudo c) {
            ctx.deposit(new SudoEvent.Sudid(run(ctx, Origin.ROOT, c.call())));
        } else if (call instanceof SudoCall.SudoUncheckedWeight c) {
            ctx.deposit(new SudoEvent.Sudid(run(ctx, Origin.ROOT, c.call())));
        } else if (call instanceof SudoCall.SetKey c) {
            AccountId next = lookup(c.newKey());
            ctx.deposit(new SudoEvent.KeyChanged(SudoStorage.KEY.get(ctx.state()), next));
            SudoStorage.KEY.put(ctx.state(), next);
            LOG.info("Sudo key changed to {}", next);
        } else if (call instanceof SudoCall.SudoAs c) {
            AccountId who = lookup(c.who());
            ctx.deposit(new SudoEvent.SudoAsDone(run(ctx, Origin.signed(who), c.call())));
        } else if (call instanceof SudoCall.RemoveKey) {
            ctx.deposit(new SudoEvent.KeyRemoved());
            SudoStorage.KEY.kill(ctx.state());
            LOG.info("Sudo key removed");
        } else {
            throw new IllegalArgumentException("not a Sudo call: " + call);
        }
    }

    /** Root, or signed by the key; anything else is BadOrigin. */
    private static void ensureSudo(RuntimeContext ctx, Origin origin) throws DispatchException {
        if (origin instanceof Origin.Root) {
            return;
        }
        AccountId sender = origin.ensureSigned();
        if (!sender.equals(SudoStorage.KEY.get(ctx.state()))) {
            throw new DispatchException(SudoError.RequireSudo);
        }
    }

    /** Dispatches the nested call in its own layer; returns its error (null on success). */
    private static DispatchError run(RuntimeContext ctx, Origin origin, byte[] call) {
        try {
            ctx.dispatch(origin, call);
            return null;
        } catch (DispatchException e) {
            return e.toDispatchError(ctx::palletIndex);
        }
    }

    private static AccountId lookup(MultiAddress a) throws DispatchException {
        return a.accountId().orElseThrow(DispatchException::cannotLookup);
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        SudoEvent.skip(eventIndex, r);
    }
}

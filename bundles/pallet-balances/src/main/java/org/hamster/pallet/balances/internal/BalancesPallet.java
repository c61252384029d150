package org.hamster.pallet.balances.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.support.SpecValues;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.balances.Currency;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pallet_balances: transfers and root's balance setting as calls, and the {@link Currency} other pallets use.
 * Needs the chain-spec constant {@code existentialDeposit} (u128 string, greater than zero).
 */
@Component(service = Pallet.class, property = "pallet.name=Balances")
public class BalancesPallet implements Pallet, Currency {
    private static final Logger LOG = LoggerFactory.getLogger(BalancesPallet.class);
    private volatile CurrencyLogic logic;

    @Override
    public String name() {
        return BalancesStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        BigInteger ed = SpecValues.u128(constants.path("existentialDeposit"), "Balances.existentialDeposit");
        if (ed.signum() == 0) {
            throw new IllegalArgumentException("Balances.existentialDeposit must be greater than zero");
        }
        logic = new CurrencyLogic(new Ledger(ed));
        LOG.debug("Balances existential deposit {}", ed);
    }

    private CurrencyLogic logic() {
        CurrencyLogic l = logic;
        if (l == null) {
            throw new IllegalStateException("Balances is not configured: the constant existentialDeposit is missing");
        }
        return l;
    }

    @Override
    public PalletMeta metadata() {
        return BalancesMetadata.build(logic().existentialDeposit());
    }

    @Override
    public void genesis(RuntimeContext ctx, JsonNode config) {
        BalancesGenesis.apply(ctx.state(), config, logic().existentialDeposit());
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader r, CallDecoder calls) {
        return switch (callIndex) {
            case 0 -> new BalancesCall.TransferAllowDeath(MultiAddress.CODEC.decode(r), r.compactU128());
            case 2 -> new BalancesCall.ForceTransfer(MultiAddress.CODEC.decode(r), MultiAddress.CODEC.decode(r),
                    r.compactU128());
            case 3 -> new BalancesCall.TransferKeepAlive(MultiAddress.CODEC.decode(r), r.compactU128());
            case 4 -> new BalancesCall.TransferAll(MultiAddress.CODEC.decode(r), r.bool());
            case 8 -> new BalancesCall.ForceSetBalance(MultiAddress.CODEC.decode(r), r.compactU128());
            default -> throw new ScaleException("unknown Balances call " + callIndex);
        };
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        CurrencyLogic l = logic();
        if (call instanceof BalancesCall.TransferAllowDeath c) {
            l.transfer(ctx, origin.ensureSigned(), lookup(c.dest()), c.value(), false);
        } else if (call instanceof BalancesCall.ForceTransfer c) {
            origin.ensureRoot();
            l.transfer(ctx, lookup(c.source()), lookup(c.dest()), c.value(), false);
        } else if (call instanceof BalancesCall.TransferKeepAlive c) {
            l.transfer(ctx, origin.ensureSigned(), lookup(c.dest()), c.value(), true);
        } else if (call instanceof BalancesCall.TransferAll c) {
            AccountId from = origin.ensureSigned();
            AccountId dest = lookup(c.dest());
            l.transfer(ctx, from, dest, l.reducibleBalance(ctx.state(), from, c.keepAlive()), c.keepAlive());
        } else if (call instanceof BalancesCall.ForceSetBalance c) {
            origin.ensureRoot();
            l.forceSetBalance(ctx, lookup(c.who()), c.newFree());
        } else {
            throw new IllegalArgumentException("not a Balances call: " + call);
        }
    }

    private static AccountId lookup(MultiAddress a) throws DispatchException {
        return a.accountId().orElseThrow(DispatchException::cannotLookup);
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        BalancesEvent.skip(eventIndex, r);
    }

    @Override
    public BigInteger existentialDeposit() {
        return logic().existentialDeposit();
    }

    @Override
    public BigInteger totalIssuance(State s) {
        return logic().totalIssuance(s);
    }

    @Override
    public BigInteger freeBalance(State s, AccountId who) {
        return logic().freeBalance(s, who);
    }

    @Override
    public BigInteger reservedBalance(State s, AccountId who) {
        return logic().reservedBalance(s, who);
    }

    @Override
    public BigInteger totalBalance(State s, AccountId who) {
        return logic().totalBalance(s, who);
    }

    @Override
    public BigInteger reducibleBalance(State s, AccountId who, boolean keepAlive) {
        return logic().reducibleBalance(s, who, keepAlive);
    }

    @Override
    public void transfer(RuntimeContext ctx, AccountId from, AccountId to, BigInteger amount, boolean keepAlive)
            throws DispatchException {
        logic().transfer(ctx, from, to, amount, keepAlive);
    }

    @Override
    public void withdraw(RuntimeContext ctx, AccountId who, BigInteger amount, boolean keepAlive)
            throws DispatchException {
        logic().withdraw(ctx, who, amount, keepAlive);
    }

    @Override
    public void deposit(RuntimeContext ctx, AccountId who, BigInteger amount) throws DispatchException {
        logic().deposit(ctx, who, amount);
    }

    @Override
    public void reserve(RuntimeContext ctx, AccountId who, BigInteger amount) throws DispatchException {
        logic().reserve(ctx, who, amount);
    }

    @Override
    public BigInteger unreserve(RuntimeContext ctx, AccountId who, BigInteger amount) {
        return logic().unreserve(ctx, who, amount);
    }

    @Override
    public BigInteger slashReserved(RuntimeContext ctx, AccountId who, BigInteger amount) {
        return logic().slashReserved(ctx, who, amount);
    }

    @Override
    public BigInteger repatriateReserved(RuntimeContext ctx, AccountId from, AccountId to, BigInteger amount,
            BalanceStatus status) throws DispatchException {
        return logic().repatriateReserved(ctx, from, to, amount, status);
    }
}

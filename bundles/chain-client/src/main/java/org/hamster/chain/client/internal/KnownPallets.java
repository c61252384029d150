package org.hamster.chain.client.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamster.chain.client.EventLayout;
import org.hamster.chain.spi.ModuleError;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.sudo.SudoError;
import org.hamster.pallet.sudo.SudoEvent;
import org.hamster.pallet.sudo.SudoStorage;
import org.hamster.pallet.system.SystemError;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.pallet.timestamp.TimestampError;
import org.hamster.pallet.timestamp.TimestampEvent;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.hamster.pallet.transactionpayment.TransactionPaymentEvent;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;

/**
 * The pallets the client knows by name, wired to each pallet's exported API: its event decoder walks the events
 * and its error enum names the errors. Nothing here restates a layout, so a pallet change reaches the client by
 * its API bundle alone.
 */
public final class KnownPallets {
    /** Pallet name to the walker of its events. */
    public static final Map<String, EventLayout> EVENTS = Map.of(
            SystemStorage.PALLET, SystemEvent::skip,
            TimestampStorage.PALLET, TimestampEvent::skip,
            BalancesStorage.PALLET, BalancesEvent::skip,
            TransactionPaymentStorage.PALLET, TransactionPaymentEvent::skip,
            SudoStorage.PALLET, SudoEvent::skip,
            ProviderStorage.PALLET, ProviderEvent::decode,
            ResourceOrderStorage.PALLET, ResourceOrderEvent::decode,
            GatewayStorage.PALLET, GatewayEvent::skip);

    /** Pallet name to its error names by index (TransactionPayment has no errors). */
    public static final Map<String, List<String>> ERRORS = errors(SystemError.values(), TimestampError.values(),
            BalancesError.values(), SudoError.values(), ProviderError.values(), ResourceOrderError.values(),
            GatewayError.values());

    private KnownPallets() {
    }

    /** Each enum's names at their DispatchError::Module indices. */
    static Map<String, List<String>> errors(ModuleError[]... enums) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ModuleError[] values : enums) {
            String[] names = new String[values.length];
            for (ModuleError e : values) {
                if (e.index() < 0 || e.index() >= names.length || names[e.index()] != null) {
                    throw new IllegalStateException(e.pallet() + " error indices are not 0.." + (names.length - 1));
                }
                names[e.index()] = e.name();
            }
            out.put(values[0].pallet(), List.of(names));
        }
        return Map.copyOf(out);
    }
}

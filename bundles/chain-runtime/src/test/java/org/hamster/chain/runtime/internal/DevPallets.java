package org.hamster.chain.runtime.internal;

import java.util.List;
import org.hamster.chain.spi.Pallet;
import org.hamster.pallet.balances.internal.BalancesPallet;
import org.hamster.pallet.gateway.internal.GatewayPallet;
import org.hamster.pallet.provider.internal.ProviderPallet;
import org.hamster.pallet.resourceorder.internal.ResourceOrderPallet;
import org.hamster.pallet.sudo.internal.SudoPallet;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.timestamp.internal.TimestampPallet;
import org.hamster.pallet.transactionpayment.internal.TransactionPaymentPallet;

/** Fresh instances of the dev chain spec's pallets, as the OSGi container would create them. */
final class DevPallets {
    private DevPallets() {
    }

    static List<Pallet> all() {
        return List.of(new SystemPallet(), new TimestampPallet(), new BalancesPallet(), new TransactionPaymentPallet(),
                new SudoPallet(), new ProviderPallet(), new ResourceOrderPallet(), new GatewayPallet());
    }
}

package org.hamster.bench;

import java.nio.file.Path;
import java.util.List;
import org.hamster.chain.runtime.internal.ChainSpec;
import org.hamster.chain.runtime.internal.EmbeddedNode;
import org.hamster.chain.runtime.internal.Node;
import org.hamster.chain.spi.Pallet;
import org.hamster.storage.xodus.internal.XodusKvStore;

/** The dev chain spec on a durable Xodus store in a fresh directory: the node role's real code path. */
final class DevChain implements AutoCloseable {
    final XodusKvStore store;
    final Node node;

    DevChain(Path dir, boolean autoSeal) throws Exception {
        store = XodusKvStore.open(dir, XodusKvStore.Settings.DEFAULT);
        node = EmbeddedNode.create(ChainSpec.load("dev"), store, pallets(), Node.Sealing.INSTANT, 6000, autoSeal);
    }

    static List<Pallet> pallets() {
        return List.of(new org.hamster.pallet.system.internal.SystemPallet(),
                new org.hamster.pallet.timestamp.internal.TimestampPallet(),
                new org.hamster.pallet.balances.internal.BalancesPallet(),
                new org.hamster.pallet.transactionpayment.internal.TransactionPaymentPallet(),
                new org.hamster.pallet.sudo.internal.SudoPallet(),
                new org.hamster.pallet.provider.internal.ProviderPallet(),
                new org.hamster.pallet.resourceorder.internal.ResourceOrderPallet(),
                new org.hamster.pallet.gateway.internal.GatewayPallet());
    }

    @Override
    public void close() {
        node.close();
        store.close();
    }
}

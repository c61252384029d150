package org.hamster.explorer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamster.chain.spi.Pallet;
import org.hamster.metadata.IndexedPallet;
import org.hamster.metadata.MetadataV14;
import org.hamster.metadata.MetadataV14Reader;
import org.hamster.metadata.MetadataV14Writer;
import org.hamster.pallet.balances.internal.BalancesPallet;
import org.hamster.pallet.gateway.internal.GatewayPallet;
import org.hamster.pallet.provider.internal.ProviderPallet;
import org.hamster.pallet.resourceorder.internal.ResourceOrderPallet;
import org.hamster.pallet.sudo.internal.SudoPallet;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.timestamp.internal.TimestampPallet;
import org.hamster.pallet.transactionpayment.internal.TransactionPaymentPallet;

/**
 * The Metadata V14 the dev chain serves: its pallets, configured with the dev chain spec's constants (the chain
 * runtime's dev.json), described by themselves and written by the metadata bundle's writer, as the chain runtime
 * does it; then read back from its bytes, as the explorer gets it from state_getMetadata.
 */
final class DevMetadata {
    static final byte[] BYTES = bytes();
    static final MetadataV14 METADATA = MetadataV14Reader.read(BYTES);

    private DevMetadata() {
    }

    private static byte[] bytes() {
        Map<String, Pallet> pallets = Map.of("System", new SystemPallet(), "Timestamp", new TimestampPallet(),
                "Balances", new BalancesPallet(), "TransactionPayment", new TransactionPaymentPallet(),
                "Sudo", new SudoPallet(), "Provider", new ProviderPallet(), "ResourceOrder", new ResourceOrderPallet(),
                "Gateway", new GatewayPallet());
        try (InputStream in = DevMetadata.class.getResourceAsStream("/org/hamster/chain/runtime/internal/dev.json")) {
            JsonNode spec = new ObjectMapper().readTree(in);
            List<IndexedPallet> described = new ArrayList<>();
            for (JsonNode p : spec.path("runtime").path("pallets")) {
                Pallet pallet = pallets.get(p.path("name").asText());
                pallet.configure(p.path("constants"));
                described.add(new IndexedPallet(p.path("index").asInt(), p.path("name").asText(), pallet.metadata()));
            }
            if (described.size() != pallets.size()) {
                throw new IllegalStateException("the dev chain spec has " + described.size() + " pallets");
            }
            return MetadataV14Writer.write(described);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

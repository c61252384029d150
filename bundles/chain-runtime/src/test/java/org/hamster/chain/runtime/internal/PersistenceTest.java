package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.Header;
import org.hamster.chain.spi.Pallet;
import org.hamster.common.HamsterException;
import org.hamster.storage.xodus.internal.XodusKvStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    @TempDir
    Path dir;

    private XodusKvStore open() {
        return XodusKvStore.open(dir, XodusKvStore.Settings.DEFAULT);
    }

    @Test
    void reopeningGivesTheSameHeadStateAndBalances() throws Exception {
        Header head;
        java.math.BigInteger bob;
        try (XodusKvStore store = open(); DevNet net = new DevNet(store)) {
            for (int i = 0; i < 5; i++) {
                net.node.submit(net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT));
                net.node.sealNow();
            }
            head = net.node.bestHeader();
            bob = net.free(DevNet.id("Bob"));
        }
        try (XodusKvStore store = open(); DevNet net = new DevNet(store)) {
            assertEquals(head.hash(), net.node.bestHeader().hash());
            assertEquals(head.stateRoot(), net.node.bestHeader().stateRoot());
            assertEquals(bob, net.free(DevNet.id("Bob")));
            assertEquals(5, net.account(DevNet.id("Alice")).nonce());
            Header next = net.node.sealNow();
            assertEquals(head.hash(), next.parentHash());
        }
    }

    @Test
    void aStoreOfAnotherChainIsRefused() throws Exception {
        try (XodusKvStore store = open(); DevNet net = new DevNet(store)) {
            net.node.sealNow();
        }
        ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(
                ChainSpec.class.getResourceAsStream("/org/hamster/chain/runtime/internal/dev.json"));
        spec.put("id", "other");
        try (XodusKvStore store = open()) {
            HamsterException e = assertThrows(HamsterException.class,
                    () -> new DevNet(ChainSpec.parse(spec), store, DevPallets.all()));
            assertTrue(e.getMessage().contains("'dev'"), e.getMessage());
        }
    }

    @Test
    void theRuntimeRefusesAnIncompletePalletSet() throws Exception {
        List<Pallet> pallets = new ArrayList<>(DevPallets.all());
        pallets.removeIf(p -> p.name().equals("Sudo"));
        try (XodusKvStore store = open()) {
            HamsterException e = assertThrows(HamsterException.class,
                    () -> new DevNet(ChainSpec.load("dev"), store, pallets));
            assertTrue(e.getMessage().contains("Sudo"), e.getMessage());
        }
    }
}

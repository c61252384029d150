package org.hamster.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.hamster.chain.AccountId;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.junit.jupiter.api.Test;

/** kill -9 of a node assembly, then restart: same head, same state root, balances intact, production resumes. */
class NodeCrashRestartIT {
    static final int PORT = 19945;

    @Test
    void killedNodeRestartsAtItsLastBlockWithIdenticalState() throws Exception {
        try (KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                Path.of("target/crash-node").toAbsolutePath())) {
            karaf.config("org.hamster.rpc.cfg", "port", String.valueOf(PORT));
            karaf.config("org.hamster.chain.runtime.cfg", "blockTimeMs", "1000");
            karaf.start();
            Rpc rpc = new Rpc(PORT);
            rpc.awaitUp(Duration.ofSeconds(120));
            Transfers t = new Transfers(rpc);
            Ed25519.KeyPair alice = KeyDerivation.pair("//Alice");
            AccountId charlie = AccountId.of(KeyDerivation.pair("//Charlie").publicKey());
            BigInteger start = t.account(charlie).data().free();
            String last = null;
            for (int i = 0; i < 5; i++) {
                last = t.transfer(alice, charlie, BigInteger.valueOf(1_000_000_000_000L));
                t.awaitInBlock(last, Duration.ofSeconds(30));
            }
            JsonNode head = rpc.call("chain_getHeader");
            String headHash = rpc.call("chain_getBlockHash", Long.decode(head.get("number").asText())).asText();
            BigInteger balance = t.account(charlie).data().free();
            assertEquals(start.add(BigInteger.valueOf(5_000_000_000_000L)), balance);
            karaf.kill9();

            karaf.start();
            rpc.awaitUp(Duration.ofSeconds(120));
            String hashBefore = rpc.call("chain_getBlockHash", Long.decode(head.get("number").asText())).asText();
            assertEquals(headHash, hashBefore);
            JsonNode again = rpc.call("chain_getHeader", hashBefore);
            assertEquals(head.get("stateRoot"), again.get("stateRoot"));
            assertEquals(head.get("parentHash"), again.get("parentHash"));
            assertEquals(balance, t.account(charlie).data().free());
            long resumed = Long.decode(rpc.call("chain_getHeader").get("number").asText());
            assertTrue(resumed >= Long.decode(head.get("number").asText()));
            String next = t.transfer(alice, charlie, BigInteger.valueOf(1_000_000_000_000L));
            assertTrue(t.awaitInBlock(next, Duration.ofSeconds(30)) > Long.decode(head.get("number").asText()));
        }
    }
}

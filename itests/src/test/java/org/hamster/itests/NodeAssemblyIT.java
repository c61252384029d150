package org.hamster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.math.BigInteger;
import java.time.Duration;
import javax.inject.Inject;
import org.hamster.chain.AccountId;
import org.hamster.chain.ChainService;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.pallet.system.AccountInfo;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/** Boots the headless node assembly and drives it over JSON-RPC like a wallet: a signed transfer lands. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeAssemblyIT {
    static final int RPC_PORT = 19944;

    @Inject
    @Filter(timeout = 120_000)
    ChainService chain;

    @Configuration
    public Option[] config() {
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(new File(System.getProperty("hamster.node.zip")).toURI().toString())
                    .name("hamster-node").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            keepRuntimeFolder(), configureConsole().ignoreLocalConsole(), logLevel(LogLevelOption.LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            // the role itself needs nothing remote; Pax Exam's own probe bundles come from Maven Central
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
            editConfigurationFilePut("etc/org.hamster.rpc.cfg", "port", String.valueOf(RPC_PORT)),
        };
    }

    @Test
    public void signedTransferOverRpcLandsInABlockAndTheBalances() throws Exception {
        Rpc rpc = new Rpc(RPC_PORT);
        rpc.awaitUp(Duration.ofSeconds(60));
        assertEquals("Hamster Development", rpc.call("system_chain").asText());
        Transfers t = new Transfers(rpc);
        Ed25519.KeyPair alice = KeyDerivation.pair("//Alice");
        AccountId bob = AccountId.of(KeyDerivation.pair("//Bob").publicKey());
        AccountInfo before = t.account(bob);
        BigInteger amount = new BigInteger("1000000000000");
        String hash = t.transfer(alice, bob, amount);
        long block = t.awaitInBlock(hash, Duration.ofSeconds(30));
        assertTrue(block >= 1);
        AccountInfo after = t.account(bob);
        assertEquals(before.data().free().add(amount), after.data().free());
        assertEquals(chain.bestHeader().number() >= block, true);
    }
}

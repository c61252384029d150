package org.hamster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** A stock Apache Karaf becomes a node with feature:install hamster-node, and a libp2p peer with hamster-p2p. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlainKarafFeatureIT {
    static final int RPC_PORT = 19946;

    @Inject
    FeaturesService features;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        String system = new File(System.getProperty("hamster.node.system")).toURI().toString();
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(maven("org.apache.karaf", "apache-karaf")
                    .version(System.getProperty("karaf.version")).type("zip"))
                    .name("plain-karaf").unpackDirectory(new File("target/exam-plain")).useDeployFolder(false),
            keepRuntimeFolder(), configureConsole().ignoreLocalConsole(), logLevel(LogLevelOption.LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    system + "@id=hamster@snapshots,https://repo1.maven.org/maven2@id=central"),
            editConfigurationFilePut("etc/org.hamster.rpc.cfg", "port", String.valueOf(RPC_PORT)),
            systemProperty("hamster.version").value(System.getProperty("hamster.version")),
        };
    }

    @Test
    public void featureInstallTurnsAPlainKarafIntoANode() throws Exception {
        features.addRepository(URI.create("mvn:org.hamster/org.hamster.features/" + System.getProperty("hamster.version")
                + "/xml/features"));
        features.installFeature("hamster-node", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue(features.isInstalled(features.getFeature("hamster-node")));
        ServiceTracker<Object, Object> t = new ServiceTracker<>(context, "org.hamster.chain.ChainService", null);
        t.open();
        assertNotNull("ChainService registered", t.waitForService(120_000));
        Rpc rpc = new Rpc(RPC_PORT);
        rpc.awaitUp(Duration.ofSeconds(60));
        assertEquals("Hamster Development", rpc.call("system_chain").asText());
        t.close();
    }

    @Test
    public void p2pFeatureRunsNoiseOnConscryptInsideKaraf() throws Exception {
        features.addRepository(URI.create("mvn:org.hamster/org.hamster.features/" + System.getProperty("hamster.version")
                + "/xml/features"));
        features.installFeature("hamster-p2p", EnumSet.noneOf(FeaturesService.Option.class));
        // the native cipher loads from its bundle (optional import, native library unpacked by Conscrypt)
        assertEquals("Conscrypt", Hosts.noiseCipher());
        Host a = Hosts.create(HostConfig.defaults(Identity.generate()));
        Host b = Hosts.create(HostConfig.defaults(Identity.generate()));
        try {
            Multiaddr addr = b.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(30, TimeUnit.SECONDS);
            Connection c = a.dial(addr.withPeerId(b.peerId())).get(30, TimeUnit.SECONDS);
            assertEquals(b.peerId(), c.remotePeer());
            assertTrue(a.ping(b.peerId()).get(30, TimeUnit.SECONDS).compareTo(Duration.ofSeconds(5)) < 0);
        } finally {
            a.close();
            b.close();
        }
    }
}

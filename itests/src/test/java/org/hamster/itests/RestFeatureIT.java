package org.hamster.itests;

import static org.hamster.itests.RestCalls.assertError;
import static org.hamster.itests.RestCalls.assertJson;
import static org.hamster.itests.RestCalls.awaitStatus;
import static org.hamster.itests.RestCalls.get;
import static org.hamster.itests.RestCalls.post;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.hamster.rest.RestAccess;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * feature:install hamster-rest on a stock Apache Karaf, then a JAX-RS resource registered as a plain service with
 * hamster.rest.path is served under /hamster/api on Karaf's HTTP port, behind the token, with JSON errors.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestFeatureIT {
    static final int HTTP_PORT = 18181;

    @Inject
    FeaturesService features;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(maven("org.apache.karaf", "apache-karaf")
                    .version(System.getProperty("karaf.version")).type("zip"))
                    .name("plain-karaf").unpackDirectory(new File("target/exam-rest")).useDeployFolder(false),
            keepRuntimeFolder(), configureConsole().ignoreLocalConsole(), logLevel(LogLevelOption.LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(HTTP_PORT)),
            systemProperty("hamster.version").value(System.getProperty("hamster.version")),
        };
    }

    @Test
    public void servesAResourceBehindTheTokenWithJsonAndJsonErrors() throws Exception {
        String token = installAndPublish("/itest-echo");
        String base = "http://127.0.0.1:" + HTTP_PORT + "/hamster/api/itest-echo";

        HttpResponse<String> none = get(base + "/hello/world", null);
        assertError(none, 401, "unauthorized");
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertError(get(base + "/hello/world", "0".repeat(64)), 401, "unauthorized");
        assertError(get(base + "/hello/world?_wadl", null), 401, "unauthorized");
        assertError(get(base + "/nowhere", null), 401, "unauthorized");

        assertJson(get(base + "/hello/world", token), "{\"name\":\"world\",\"length\":5}");
        // CXF's WADL generator would answer ?_wadl before any filter: it is switched off
        assertJson(get(base + "/hello/world?_wadl", token), "{\"name\":\"world\",\"length\":5}");
        assertJson(post(base + "/echo", token, "{\"name\":\"x\",\"length\":7}"), "{\"name\":\"x\",\"length\":7}");

        assertEquals("the echo is busy", assertError(get(base + "/conflict", token), 409, "echo-busy"));
        assertError(post(base + "/echo", token, "{\"name\": oops"), 400, "bad-request");
        assertError(post(base + "/echo", token, "{\"name\":\"x\",\"length\":\"seven\"}"), 400, "bad-request");
        String internal = assertError(get(base + "/boom", token), 500, "internal");
        assertFalse(internal, internal.contains("secret") || internal.contains("Exception"));
        assertError(get(base + "/nowhere", token), 404, "not-found");

        // CXF's endpoint list would bypass the checks: it is hidden
        assertNotEquals(200, get("http://127.0.0.1:" + HTTP_PORT + "/hamster/api/services", null).statusCode());
    }

    @Test
    public void theTokenFileIsPrivateAndTheSameAsRestAccessGives() throws Exception {
        String token = installAndPublish("/itest-token");
        Path file = tokenFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        ServiceTracker<RestAccess, RestAccess> tracker = new ServiceTracker<>(context, RestAccess.class, null);
        tracker.open();
        try {
            RestAccess access = tracker.waitForService(30_000);
            assertNotNull("RestAccess registered", access);
            assertEquals(file.toRealPath(), access.tokenFile().toRealPath());
            assertEquals(token, access.token());
        } finally {
            tracker.close();
        }
    }

    @Test
    public void refusesClientsThatAreNotOnLoopback() throws Exception {
        String token = installAndPublish("/itest-remote");
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(RestFeatureIT::usable).flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue("this host has a non-loopback IPv4 address", own.isPresent());
        // Jetty listens on every interface; a request to the host's own address arrives from that address
        String url = "http://" + own.get().getHostAddress() + ":" + HTTP_PORT + "/hamster/api/itest-remote/hello/x";
        assertError(get(url, token), 403, "forbidden");
    }

    @Test
    public void aResourceIsWithdrawnWhenItsServiceGoes() throws Exception {
        installFeature();
        String token = Files.readString(tokenFile()).strip();
        ServiceRegistration<?> registration = register("/itest-gone");
        String url = "http://127.0.0.1:" + HTTP_PORT + "/hamster/api/itest-gone/hello/x";
        awaitStatus(url, token, 200);
        registration.unregister();
        awaitStatus(url, token, 404);
    }

    /** Installs hamster-rest, registers an EchoResource at {@code path} and waits until it answers; the token. */
    private String installAndPublish(String path) throws Exception {
        installFeature();
        String token = Files.readString(tokenFile()).strip();
        register(path);
        awaitStatus("http://127.0.0.1:" + HTTP_PORT + "/hamster/api" + path + "/hello/x", token, 200);
        return token;
    }

    private void installFeature() throws Exception {
        features.addRepository(URI.create(
                "mvn:org.hamster/org.hamster.features/" + System.getProperty("hamster.version") + "/xml/features"));
        features.installFeature("hamster-rest", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue(features.isInstalled(features.getFeature("hamster-rest")));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(tokenFile()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private ServiceRegistration<?> register(String path) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("hamster.rest.path", path);
        // registered under its own class, not Object: the whiteboard must match on the property alone
        return context.registerService(EchoResource.class.getName(), new EchoResource(), properties);
    }

    private static Path tokenFile() {
        return Path.of(System.getProperty("karaf.data"), "hamster", "api.token");
    }

    private static boolean usable(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }
}

package org.hamster.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.security.auth.login.LoginContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.hamster.rest.RestAccess;
import org.hamster.rest.RestApi;
import org.osgi.framework.Constants;
import org.osgi.service.component.AnyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST whiteboard: publishes every service that has the property {@value RestApi#PATH_PROPERTY} as a CXF
 * JAX-RS server at that path below the CXF servlet ({@value RestApi#CONTEXT}, see etc/org.apache.cxf.osgi.cfg),
 * with the loopback check, the token check, JSON and the error mappers, and withdraws it when the service goes.
 * A service that also has {@value RestApi#PUBLIC_PROPERTY}{@code =true} answers GET and HEAD without the token.
 * Publishes the login resource at {@value RestApi#LOGIN_PATH} itself. Registers {@link RestAccess} so local
 * clients can find the token. A token file that cannot be read or created fails activation.
 */
@Component(immediate = true, service = RestAccess.class, configurationPid = "org.hamster.rest")
@Designate(ocd = RestConfig.class)
public class RestPublisher implements RestAccess {
    private static final Logger LOG = LoggerFactory.getLogger(RestPublisher.class);
    /** Not a service id (those start at 1): the entry of the login resource. */
    private static final long LOGIN_ENTRY = -1;
    private static final int LOGIN_ATTEMPTS = 5;
    private static final Duration LOGIN_LOCKOUT = Duration.ofSeconds(60);
    private static final Duration LOGIN_FAILURE_DELAY = Duration.ofMillis(500);

    private final Path tokenFile;
    private final String token;
    private final ObjectMapper mapper = JsonProvider.newMapper();
    private final Bus bus;
    private final Endpoints endpoints;

    @Activate
    public RestPublisher(RestConfig config) throws IOException {
        this.tokenFile = TokenFile.resolve(config.tokenFile(), System.getProperty("karaf.data"));
        this.token = TokenFile.loadOrCreate(tokenFile);
        this.bus = withBundleClassLoader(() -> BusFactory.newInstance().createBus());
        this.endpoints = new Endpoints(this::createServer);
        RealmLogin login = new RealmLogin(config.loginRealm(), config.loginRole(), LoginContext::new);
        endpoints.add(LOGIN_ENTRY, RestApi.LOGIN_PATH, new LoginResource(login,
                new LoginGuard(LOGIN_ATTEMPTS, LOGIN_LOCKOUT, System::nanoTime), LOGIN_FAILURE_DELAY, token),
                Access.OPEN);
        LOG.debug("REST publisher started; token in {}", tokenFile);
    }

    @Reference(service = AnyService.class, target = "(" + RestApi.PATH_PROPERTY + "=*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeResource", updated = "updatedResource")
    void addResource(Object resource, Map<String, Object> properties) {
        endpoints.add(serviceId(properties), properties.get(RestApi.PATH_PROPERTY), resource, access(properties));
    }

    void updatedResource(Object resource, Map<String, Object> properties) {
        endpoints.update(serviceId(properties), properties.get(RestApi.PATH_PROPERTY), resource, access(properties));
    }

    void removeResource(Map<String, Object> properties) {
        endpoints.remove(serviceId(properties));
    }

    @Deactivate
    void deactivate() {
        endpoints.close();
        bus.shutdown(true);
        LOG.debug("REST publisher stopped");
    }

    @Override
    public Path tokenFile() {
        return tokenFile;
    }

    @Override
    public String token() {
        return token;
    }

    /** One CXF server per resource, with its own provider instances (CXF injects per-instance context proxies). */
    private AutoCloseable createServer(String path, Object resource, Access access) {
        Server server = withBundleClassLoader(() -> {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(path);
            factory.setServiceBean(resource);
            List<Object> providers = new ArrayList<>();
            providers.add(new NoWadl());
            providers.add(new LoopbackFilter());
            if (access != Access.OPEN) {
                providers.add(new BearerTokenFilter(token, tokenFile, access == Access.PUBLIC_READS));
            }
            providers.add(new JsonProvider(mapper));
            providers.addAll(ErrorMappers.all());
            factory.setProviders(providers);
            return factory.create();
        });
        return server::destroy;
    }

    private static Access access(Map<String, Object> properties) {
        return Access.of(properties.get(RestApi.PUBLIC_PROPERTY));
    }

    private static long serviceId(Map<String, Object> properties) {
        return (Long) properties.get(Constants.SERVICE_ID);
    }

    /** CXF finds its extensions through the context class loader, so it must see this bundle's imports. */
    private static <T> T withBundleClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestPublisher.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

package org.hamster.explorer.internal;

import java.util.function.Function;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.hamster.chain.ChainService;
import org.hamster.chain.client.ChainClient;
import org.hamster.rest.RestApi;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /hamster/api/roles}: which roles this instance runs, from the services registered now (a local chain
 * runtime, the gateway, provider and client roles' services) and the node URL of its chain client, so that the UI
 * shows only the pages this instance has. Public (no token). Role services are looked up by name: their bundles
 * need not be installed.
 */
@Component(service = RolesResource.class,
        property = {RestApi.PATH_PROPERTY + "=/roles", RestApi.PUBLIC_PROPERTY + ":Boolean=true"})
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RolesResource {
    static final String NODE = ChainService.class.getName();
    static final String GATEWAY = "org.hamster.gateway.Gateway";
    static final String PROVIDER = "org.hamster.provider.Provider";
    static final String CLIENT = "org.hamster.client.Client";
    static final String CHAIN_CLIENT = ChainClient.class.getName();
    /** The service property in which the chain client gives its node's URL. */
    static final String NODE_URL = "hamster.node.url";

    private final BundleContext context;

    @Activate
    public RolesResource(BundleContext context) {
        this.context = context;
    }

    @GET
    public Views.Roles roles() {
        return roles(context::getServiceReference);
    }

    /** The roles whose services {@code services} (service name to a reference, or null) finds. */
    static Views.Roles roles(Function<String, ServiceReference<?>> services) {
        ServiceReference<?> chain = services.apply(CHAIN_CLIENT);
        Object url = chain == null ? null : chain.getProperty(NODE_URL);
        return new Views.Roles(services.apply(NODE) != null, services.apply(GATEWAY) != null,
                services.apply(PROVIDER) != null, services.apply(CLIENT) != null,
                url == null ? null : url.toString());
    }
}

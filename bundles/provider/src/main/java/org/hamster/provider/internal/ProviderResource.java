package org.hamster.provider.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The provider's REST API at {@code /hamster/api/provider}: status and leases (JSON, loopback, bearer token). */
@Component(service = ProviderResource.class, property = "hamster.rest.path=/provider")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ProviderResource {
    @Reference
    Provider provider;

    @GET
    @Path("status")
    public ProviderStatus status() {
        return provider.status();
    }

    @GET
    @Path("leases")
    public List<LeaseView> leases() {
        return provider.leases();
    }
}

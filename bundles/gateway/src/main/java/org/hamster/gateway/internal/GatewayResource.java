package org.hamster.gateway.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.hamster.gateway.Bandwidth;
import org.hamster.gateway.CircuitView;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.GatewayStatus;
import org.hamster.gateway.PeerView;
import org.hamster.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The gateway's REST API at {@code /hamster/api/gateway}: status, peers, circuits, bandwidth (JSON, loopback only,
 * bearer token; see the rest bundle). Read-only.
 */
@Component(service = GatewayResource.class, property = RestApi.PATH_PROPERTY + "=/gateway")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class GatewayResource {
    @Reference
    Gateway gateway;

    @GET
    @Path("status")
    public GatewayStatus status() {
        return gateway.status();
    }

    @GET
    @Path("peers")
    public List<PeerView> peers() {
        return gateway.peers();
    }

    @GET
    @Path("circuits")
    public List<CircuitView> circuits() {
        return gateway.circuits();
    }

    @GET
    @Path("bandwidth")
    public Bandwidth bandwidth() {
        return gateway.bandwidth();
    }
}

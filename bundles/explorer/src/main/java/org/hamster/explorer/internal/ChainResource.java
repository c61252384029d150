package org.hamster.explorer.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.hamster.chain.client.ChainClient;
import org.hamster.rest.ApiException;
import org.hamster.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The chain explorer at {@code /hamster/api/chain}: chain info, latest blocks, a block with its decoded extrinsics
 * and events, an account's balances. Public chain data, so GETs need no token (still loopback only). Answers 503
 * while the chain client has no node.
 */
@Component(service = ChainResource.class,
        property = {RestApi.PATH_PROPERTY + "=/chain", RestApi.PUBLIC_PROPERTY + ":Boolean=true"})
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ChainResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainClient chain;
    /** The chain's metadata by runtime version, kept across requests. */
    private final MetadataCache metadata = new MetadataCache();

    @GET
    @Path("info")
    public Views.ChainInfo info() {
        return explorer().info();
    }

    @GET
    @Path("blocks")
    public List<Views.BlockSummary> blocks(@QueryParam("count") String count, @QueryParam("before") String before) {
        return explorer().blocks(count, before);
    }

    @GET
    @Path("blocks/{id}")
    public Views.Block block(@PathParam("id") String id) {
        return explorer().block(id);
    }

    @GET
    @Path("accounts/{address}")
    public Views.Account account(@PathParam("address") String address) {
        return explorer().account(address);
    }

    private Explorer explorer() {
        ChainClient client = chain;
        if (client == null) {
            throw new ApiException(503, "chain-unavailable", "no node connected yet (the chain client's url is set "
                    + "in etc/org.hamster.chain.client.cfg)");
        }
        if (!client.isConnected()) {
            throw new ApiException(503, "chain-unavailable", "the node at " + client.endpoint() + " does not answer");
        }
        return new Explorer(client, metadata);
    }
}

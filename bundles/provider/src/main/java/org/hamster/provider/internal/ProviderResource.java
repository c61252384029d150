package org.hamster.provider.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.hamster.common.HamsterException;
import org.hamster.provider.ActionResult;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.ProviderStatus;
import org.hamster.rest.ApiException;
import org.hamster.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The provider's REST API at {@code /hamster/api/provider} (JSON, loopback, bearer token): status and leases, and
 * the management of its account on chain (see {@link AdminJson} for the bodies and {@link ApiErrors} for the
 * error answers). Every action answers with its block and events once the chain included it. While the provider
 * does not run, status answers its state and reason, and everything else the reason: 409 {@code not-configured}
 * (unconfigured) or 503 {@code chain-unavailable} (waiting for the chain).
 */
@Component(service = ProviderResource.class, property = RestApi.PATH_PROPERTY + "=/provider")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ProviderResource {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        ProviderStatus s = provider.status();
        if (!s.running()) {
            throw ApiErrors.of(new NotRunning(s.state(), s.reason()).refusal());
        }
        return provider.leases();
    }

    @GET
    @Path("account")
    public AdminJson.Account account() {
        return call(m -> AdminJson.Account.of(m.account(), m.tokenDecimals()));
    }

    @GET
    @Path("resources")
    public List<AdminJson.Resource> resources() {
        return call(m -> {
            int decimals = m.tokenDecimals();
            return m.resources().stream().map(r -> AdminJson.Resource.of(r, decimals)).toList();
        });
    }

    @POST
    @Path("pledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionResult pledge(AdminJson.AmountBody body) {
        return call(m -> m.pledge(AdminJson.amount("amount", AdminJson.body(body).amount(), m.tokenDecimals())));
    }

    @POST
    @Path("pledge/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionResult withdrawPledge(AdminJson.AmountBody body) {
        return call(m -> m.withdrawPledge(AdminJson.amount("amount", AdminJson.body(body).amount(),
                m.tokenDecimals())));
    }

    @POST
    @Path("resources")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionResult register(AdminJson.ResourceBody body) {
        return call(m -> m.registerResource(AdminJson.body(body).spec(m.tokenDecimals())));
    }

    @PUT
    @Path("resources/{id}/price")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionResult price(@PathParam("id") String id, AdminJson.PriceBody body) {
        long resource = AdminJson.id(id);
        return call(m -> m.setPrice(resource, AdminJson.amount("pricePerHour", AdminJson.body(body).pricePerHour(),
                m.tokenDecimals())));
    }

    @POST
    @Path("resources/{id}/duration")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionResult duration(@PathParam("id") String id, AdminJson.HoursBody body) {
        long resource = AdminJson.id(id);
        long hours = AdminJson.number("hours", AdminJson.body(body).hours());
        return call(m -> m.addDuration(resource, hours));
    }

    /** {@code offline} takes an unused resource off the market, {@code relist} puts it back. */
    @POST
    @Path("resources/{id}/{action: offline|relist}")
    public ActionResult listing(@PathParam("id") String id, @PathParam("action") String action) {
        long resource = AdminJson.id(id);
        return call(m -> action.equals("offline") ? m.offline(resource) : m.relist(resource));
    }

    @DELETE
    @Path("resources/{id}")
    public ActionResult remove(@PathParam("id") String id) {
        long resource = AdminJson.id(id);
        return call(m -> m.remove(resource));
    }

    /** Body {@code {"agreement": n}} for one agreement; empty or {@code {}} for every agreement with rent. */
    @POST
    @Path("earnings/withdraw")
    @Consumes(MediaType.WILDCARD)
    public List<ActionResult> withdrawEarnings(String body) {
        AdminJson.AgreementBody request = agreement(body);
        if (request.agreement() == null) {
            return call(ProviderManagement::withdrawEarnings);
        }
        long agreement = AdminJson.number("agreement", request.agreement());
        return call(m -> List.of(m.withdrawEarnings(agreement)));
    }

    private static AdminJson.AgreementBody agreement(String body) {
        if (body == null || body.isBlank()) {
            return new AdminJson.AgreementBody(null);
        }
        try {
            return AdminJson.body(STRICT.readValue(body, AdminJson.AgreementBody.class));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("bad-request", "invalid JSON body: " + e.getOriginalMessage());
        }
    }

    private interface Action<T> {
        T run(ProviderManagement m) throws HamsterException;
    }

    private <T> T call(Action<T> action) {
        try {
            return action.run(provider.management());
        } catch (HamsterException e) {
            throw ApiErrors.of(e);
        }
    }
}

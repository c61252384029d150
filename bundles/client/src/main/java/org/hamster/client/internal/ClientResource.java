package org.hamster.client.internal;

import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.hamster.client.AccountView;
import org.hamster.client.AgreementView;
import org.hamster.client.Amount;
import org.hamster.client.Client;
import org.hamster.client.ClientException;
import org.hamster.client.ClientSettings;
import org.hamster.client.ClientStatus;
import org.hamster.client.LinkView;
import org.hamster.client.MarketQuery;
import org.hamster.client.Offer;
import org.hamster.client.OrderView;
import org.hamster.client.Quote;
import org.hamster.client.Refunds;
import org.hamster.rest.ApiException;
import org.hamster.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tenant's REST API at {@code /hamster/api/client} (JSON, loopback only, bearer token; see the rest bundle).
 * Bad input is answered 400 before anything is sent; a missing or locked account and a state that does not allow
 * the request 409; a transaction the chain refused 409 with code {@code chain-refused} naming the pallet error; an
 * unreachable node 503.
 */
@Component(service = ClientResource.class, property = RestApi.PATH_PROPERTY + "=/client")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ClientResource {
    @Reference
    Client client;

    /** POST unlock: {@code account} null or absent = the configured one. */
    public record UnlockRequest(String account, String password) {
    }

    /** POST buy: {@code sshKey} null or absent = the configured key. */
    public record BuyRequest(Long resource, Long hours, String sshKey) {
    }

    public record RenewRequest(Long hours) {
    }

    /** POST links: {@code port} null, absent or 0 = a free port. */
    public record LinkRequest(Long agreement, Integer port) {
    }

    public record Claimed(Amount claimed) {
    }

    /** POST accounts: {@code secret} (mnemonic, 0x seed or //URI) or {@code json} (a polkadot.js export). */
    public record ImportRequest(String name, String secret, String json, String password) {
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ClientException;
    }

    @GET
    @Path("status")
    public ClientStatus status() {
        return client.status();
    }

    @GET
    @Path("settings")
    public ClientSettings settings() {
        return client.settings();
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientSettings updateSettings(ClientSettings changes) {
        return call(() -> client.updateSettings(body(changes)));
    }

    @POST
    @Path("unlock")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientStatus unlock(UnlockRequest r) {
        return call(() -> client.unlock(body(r).account(), r.password()));
    }

    @GET
    @Path("accounts")
    public List<AccountView> accounts() {
        return call(client::accounts);
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView importAccount(ImportRequest r) {
        return call(() -> client.importAccount(body(r).name(), r.secret(), r.json(), r.password()));
    }

    @POST
    @Path("lock")
    public ClientStatus lock() {
        return client.lock();
    }

    @GET
    @Path("market")
    public List<Offer> market(@QueryParam("minCpu") String minCpu, @QueryParam("minMemory") String minMemory,
            @QueryParam("maxPrice") String maxPrice, @QueryParam("minHours") String minHours,
            @QueryParam("sort") String sort, @QueryParam("desc") String desc, @QueryParam("all") String all) {
        return call(() -> client.market(new MarketQuery(number("minCpu", minCpu), number("minMemory", minMemory),
                maxPrice == null || maxPrice.isBlank() ? null : client.parseAmount(maxPrice),
                number("minHours", minHours), sort(sort), bool("desc", desc), Boolean.TRUE.equals(bool("all", all)))));
    }

    @GET
    @Path("quote")
    public Quote quote(@QueryParam("resource") String resource, @QueryParam("hours") String hours) {
        return call(() -> client.quote(id("resource", resource), id("hours", hours)));
    }

    @POST
    @Path("buy")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView buy(BuyRequest r) {
        return call(() -> client.buy(required("resource", body(r).resource()), required("hours", r.hours()),
                r.sshKey()));
    }

    @GET
    @Path("orders")
    public List<OrderView> orders() {
        return call(client::orders);
    }

    @POST
    @Path("orders/{id}/cancel")
    public OrderView cancel(@PathParam("id") String id) {
        return call(() -> client.cancel(id("order id", id)));
    }

    @POST
    @Path("agreements/{id}/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView renew(@PathParam("id") String id, RenewRequest r) {
        return call(() -> client.renew(id("agreement id", id),
                required("hours", body(r).hours())));
    }

    @GET
    @Path("resources")
    public List<AgreementView> resources() {
        return call(client::resources);
    }

    @GET
    @Path("refunds")
    public Refunds refunds() {
        return call(client::refunds);
    }

    @POST
    @Path("refunds/claim")
    public Claimed claimRefunds() {
        return call(() -> new Claimed(client.claimRefunds()));
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    public LinkView link(LinkRequest r) {
        return call(() -> client.link(required("agreement", body(r).agreement()), r.port() == null ? 0 : r.port()));
    }

    @GET
    @Path("links")
    public List<LinkView> links() {
        return client.links();
    }

    @DELETE
    @Path("links/{agreement}")
    public Response unlink(@PathParam("agreement") String agreement) {
        call(() -> {
            client.unlink(id("agreement", agreement));
            return null;
        });
        return Response.noContent().build();
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (ClientException e) {
            throw api(e);
        }
    }

    /** The answer for a client failure: its reason decides the status. */
    static ApiException api(ClientException e) {
        return switch (e.reason()) {
            case INVALID_INPUT -> new ApiException(400, "bad-request", e.getMessage());
            case NOT_FOUND -> new ApiException(404, "not-found", e.getMessage());
            case LOCKED -> new ApiException(409, "account-locked", e.getMessage());
            case CONFLICT -> new ApiException(409, "conflict", e.getMessage());
            case REFUSED -> new ApiException(409, "chain-refused", e.getMessage(), e);
            case CHAIN_UNAVAILABLE -> new ApiException(503, "chain-unavailable", e.getMessage(), e);
        };
    }

    private static <T> T body(T body) throws ClientException {
        if (body == null) {
            throw Settings.invalid("a JSON body is required");
        }
        return body;
    }

    private static <T> T required(String what, T value) throws ClientException {
        if (value == null) {
            throw Settings.invalid(what + " is required");
        }
        return value;
    }

    /** A required whole number from the path or the query. */
    private static long id(String what, String text) throws ClientException {
        return required(what, number(what, text));
    }

    private static Long number(String what, String text) throws ClientException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw Settings.invalid(what + " must be a whole number, not '" + text + "'");
        }
    }

    private static Boolean bool(String what, String text) throws ClientException {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw Settings.invalid(what + " must be true or false, not '" + text + "'");
        };
    }

    static MarketQuery.Sort sort(String text) throws ClientException {
        if (text == null || text.isBlank()) {
            return MarketQuery.Sort.PRICE;
        }
        try {
            return MarketQuery.Sort.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Settings.invalid("sort must be one of price, cpu, memory, hours, reputation; not '" + text + "'");
        }
    }
}

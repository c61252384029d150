package org.hamster.rest;

/**
 * Names shared by the REST publisher, the roles that register resources, and local clients.
 *
 * <p>A resource is published like this:
 *
 * <pre>{@code
 * @Component(service = GatewayResource.class, property = RestApi.PATH_PROPERTY + "=/gateway")
 * @Path("/")
 * public class GatewayResource {
 *     @GET @Path("status") @Produces(MediaType.APPLICATION_JSON)
 *     public GatewayStatus status() { ... }     // GET /hamster/api/gateway/status
 * }
 * }</pre>
 */
public final class RestApi {
    /**
     * Service property that marks a service as a JAX-RS resource to publish, and gives its path below
     * {@link #CONTEXT}: one or more segments of letters, digits, '.', '_' or '-', each after a '/', e.g.
     * {@code /gateway} or {@code /provider/v1}.
     */
    public static final String PATH_PROPERTY = "hamster.rest.path";

    /**
     * Service property that makes a published resource answer GET and HEAD requests without the token (still only
     * to clients on this host): {@code true} (Boolean or String). Other methods still need the token.
     */
    public static final String PUBLIC_PROPERTY = "hamster.rest.public";

    /**
     * Path of the login resource the rest bundle publishes itself: {@code POST} {@code {"user", "password"}} of a
     * user of Karaf's JAAS realm answers {@code {"token": ...}}.
     */
    public static final String LOGIN_PATH = "/login";

    /** Servlet context under which every resource is published, on Karaf's HTTP port. */
    public static final String CONTEXT = "/hamster/api";

    /** Request header that carries the token, as {@value #BEARER_PREFIX}{@code <token>}. */
    public static final String AUTHORIZATION_HEADER = "Authorization";

    /** Scheme prefix of the {@value #AUTHORIZATION_HEADER} header value. */
    public static final String BEARER_PREFIX = "Bearer ";

    private RestApi() {
    }
}

package org.hamster.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 403 to every client that is not on this host: the remote address must be in 127.0.0.0/8 or be ::1
 * (an IPv4-mapped {@code ::ffff:127.x.y.z} counts as IPv4). Runs before the token check and before matching.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class LoopbackFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackFilter.class);
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String remote = request == null ? null : request.getRemoteAddr();
        if (!isLoopback(remote)) {
            LOG.debug("Refused REST request from {} to {}", remote, context.getUriInfo().getPath());
            context.abortWith(Errors.response(403, "forbidden", "the Hamster API only serves clients on this host"));
        }
    }

    /** True for an IP literal in 127.0.0.0/8 or ::1; false for anything else, including host names and null. */
    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
        // only literals: InetAddress would resolve a host name through DNS
        if (literal.indexOf(':') < 0 && !IPV4_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package org.hamster.rest.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import org.hamster.rest.RestApi;

/**
 * Answers 401 unless the request carries {@code Authorization: Bearer <token>} with the API token. The comparison
 * takes the same time wherever the tokens differ (both sides are hashed, then compared in constant time). A filter
 * for public reads lets GET and HEAD requests through without the token.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {
    private final byte[] expected;
    private final Path tokenFile;
    private final boolean publicReads;

    BearerTokenFilter(String token, Path tokenFile, boolean publicReads) {
        this.expected = sha256(token);
        this.tokenFile = tokenFile;
        this.publicReads = publicReads;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (publicReads && isRead(context.getMethod())) {
            return;
        }
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!matches(header, expected)) {
            String problem = header == null ? "missing header 'Authorization: Bearer <token>'" : "wrong API token";
            context.abortWith(Errors.builder(401, "unauthorized", problem + "; the token is in " + tokenFile)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hamster\"").build());
        }
    }

    /** GET and HEAD, which public resources answer to anyone on this host. */
    static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    /** True if {@code header} is {@code Bearer <t>} (scheme in any case) and {@code expected} is SHA-256 of t. */
    static boolean matches(String header, byte[] expected) {
        String prefix = RestApi.BEARER_PREFIX;
        if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        return MessageDigest.isEqual(sha256(header.substring(prefix.length()).strip()), expected);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

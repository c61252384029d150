package org.hamster.rest.internal;

import java.time.Duration;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.hamster.rest.ApiException;

/**
 * {@code POST /hamster/api/login} with {@code {"user": ..., "password": ...}}: a user of the JAAS realm (with its
 * role) gets the API token, {@code {"token": ...}}, which the web UI then sends as a bearer token. Served without
 * the token, to clients on this host only. Each failure costs {@code failureDelay}; after repeated failures logins
 * are refused for a while (429).
 */
@Path("/")
public final class LoginResource {
    /** The request body. */
    public record Credentials(String user, String password) {
    }

    /** The answer: the API token. */
    public record Token(String token) {
    }

    private final RealmLogin login;
    private final LoginGuard guard;
    private final Duration failureDelay;
    private final String token;

    LoginResource(RealmLogin login, LoginGuard guard, Duration failureDelay, String token) {
        this.login = login;
        this.guard = guard;
        this.failureDelay = failureDelay;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Token login(Credentials credentials) {
        if (credentials == null || credentials.user() == null || credentials.user().isBlank()
                || credentials.password() == null) {
            throw ApiException.badRequest("bad-request", "send {\"user\": ..., \"password\": ...}");
        }
        Duration locked = guard.lockedFor();
        if (!locked.isZero()) {
            throw new ApiException(429, "too-many-attempts", "too many failed logins; try again in "
                    + Math.max(1, locked.toSeconds()) + " s");
        }
        RealmLogin.Outcome outcome = login.check(credentials.user(), credentials.password().toCharArray());
        if (outcome == RealmLogin.Outcome.ACCEPTED) {
            guard.succeeded();
            return new Token(token);
        }
        guard.failed();
        pause();
        throw new ApiException(401, "unauthorized", outcome == RealmLogin.Outcome.MISSING_ROLE
                ? "user '" + credentials.user() + "' lacks the role '" + login.role() + "'"
                : "wrong user name or password (users of the realm " + login.realm() + ")");
    }

    private void pause() {
        try {
            Thread.sleep(failureDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

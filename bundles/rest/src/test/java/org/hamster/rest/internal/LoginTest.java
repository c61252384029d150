package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.Test;

/** POST /login: the realm check, the role, and the lockout after repeated failures. */
class LoginTest {
    private final AtomicLong now = new AtomicLong();
    private final LoginGuard guard = new LoginGuard(3, Duration.ofSeconds(60), now::get);
    private final LoginResource login = new LoginResource(new RealmLogin("karaf", "admin", FakeRealm.CONTEXTS), guard,
            Duration.ZERO, "the-token");

    @Test
    void theRolePrincipalIsKarafs() {
        assertEquals(RealmLogin.KARAF_ROLE_PRINCIPAL, RolePrincipal.class.getName());
    }

    @Test
    void aUserOfTheRealmWithTheRoleGetsTheToken() {
        assertEquals("the-token", login.login(new LoginResource.Credentials("karaf", "karaf")).token());
    }

    @Test
    void wrongPasswordsUnknownUsersAndMissingRolesAre401() {
        assertError(401, "wrong user name or password", new LoginResource.Credentials("karaf", "wrong"));
        assertError(401, "wrong user name or password", new LoginResource.Credentials("nobody", "karaf"));
        assertError(401, "lacks the role 'admin'", new LoginResource.Credentials("viewer", "viewer"));
        RealmLogin anyone = new RealmLogin("karaf", "", FakeRealm.CONTEXTS);
        assertEquals(RealmLogin.Outcome.ACCEPTED, anyone.check("viewer", "viewer".toCharArray()));
        RealmLogin elsewhere = new RealmLogin("other", "admin", FakeRealm.CONTEXTS);
        assertEquals(RealmLogin.Outcome.WRONG_CREDENTIALS, elsewhere.check("karaf", "karaf".toCharArray()));
    }

    @Test
    void incompleteBodiesAre400() {
        for (LoginResource.Credentials bad : new LoginResource.Credentials[] {null,
            new LoginResource.Credentials(null, "karaf"), new LoginResource.Credentials(" ", "karaf"),
            new LoginResource.Credentials("karaf", null)}) {
            assertError(400, "user", bad);
        }
    }

    @Test
    void repeatedFailuresLockLoginsForAWhile() {
        LoginResource.Credentials wrong = new LoginResource.Credentials("karaf", "guess");
        LoginResource.Credentials right = new LoginResource.Credentials("karaf", "karaf");
        login.login(right);
        assertError(401, "wrong", wrong);
        assertError(401, "wrong", wrong);
        login.login(right);   // a success starts the count again
        for (int i = 0; i < 3; i++) {
            assertError(401, "wrong", wrong);
        }
        assertError(429, "try again in 60 s", right);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertError(429, "try again in 1 s", right);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals("the-token", login.login(right).token());
    }

    private void assertError(int status, String messagePart, LoginResource.Credentials credentials) {
        ApiException e = assertThrows(ApiException.class, () -> login.login(credentials));
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(status == 401 ? "unauthorized" : status == 429 ? "too-many-attempts" : "bad-request", e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}

package org.hamster.rest.internal;

import java.security.Principal;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against a JAAS realm (Karaf's {@code karaf} realm reads etc/users.properties)
 * and that the user has a role. Thread-safe.
 */
final class RealmLogin {
    /** How Karaf's login modules name a role (a boot-delegated class, so compared by name). */
    static final String KARAF_ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    private static final Logger LOG = LoggerFactory.getLogger(RealmLogin.class);

    /** Makes the LoginContext of a realm: the JVM's JAAS configuration (Karaf's) in production, a fake in tests. */
    @FunctionalInterface
    interface LoginContexts {
        LoginContext create(String realm, Subject subject, CallbackHandler handler) throws LoginException;
    }

    /** What a login attempt came to. */
    enum Outcome {
        ACCEPTED, WRONG_CREDENTIALS, MISSING_ROLE
    }

    private final String realm;
    private final String role;
    private final LoginContexts contexts;

    /** {@code role} blank: any user the realm accepts. */
    RealmLogin(String realm, String role, LoginContexts contexts) {
        this.realm = realm;
        this.role = role == null ? "" : role.strip();
        this.contexts = contexts;
    }

    String realm() {
        return realm;
    }

    String role() {
        return role;
    }

    Outcome check(String user, char[] password) {
        Subject subject = new Subject();
        CallbackHandler handler = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the realm's login modules through the context class loader
        thread.setContextClassLoader(RealmLogin.class.getClassLoader());
        try {
            LoginContext context = contexts.create(realm, subject, handler);
            context.login();
            try {
                return role.isEmpty() || hasRole(subject) ? Outcome.ACCEPTED : Outcome.MISSING_ROLE;
            } finally {
                context.logout();
            }
        } catch (LoginException e) {
            LOG.info("REST login of '{}' refused by realm {}: {}", user, realm, e.getMessage());
            return Outcome.WRONG_CREDENTIALS;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private boolean hasRole(Subject subject) {
        for (Principal p : subject.getPrincipals()) {
            if (p.getClass().getName().equals(KARAF_ROLE_PRINCIPAL) && role.equals(p.getName())) {
                return true;
            }
        }
        return false;
    }
}

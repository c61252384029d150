package org.hamster.rest.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * A JAAS realm "karaf" as Karaf's properties login module behaves: karaf/karaf with the role admin, viewer/viewer
 * with the role viewer. Its LoginContexts make contexts of this realm without the JVM's JAAS configuration.
 */
final class FakeRealm {
    static final RealmLogin.LoginContexts CONTEXTS = (realm, subject, handler) ->
            new LoginContext(realm, subject, handler, new Configuration() {
                @Override
                public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                    return name.equals("karaf") ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                            Module.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())}
                            : null;
                }
            });

    private static final Map<String, String> PASSWORDS = Map.of("karaf", "karaf", "viewer", "viewer");
    private static final Map<String, String> ROLES = Map.of("karaf", "admin", "viewer", "viewer");

    private FakeRealm() {
    }

    /** The login module the configuration names (JAAS instantiates it by reflection). */
    public static final class Module implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject s, CallbackHandler h, Map<String, ?> sharedState, Map<String, ?> options) {
            subject = s;
            handler = h;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (IOException | UnsupportedCallbackException e) {
                throw new LoginException(e.toString());
            }
            String expected = PASSWORDS.get(name.getName());
            if (expected == null || !Arrays.equals(expected.toCharArray(), password.getPassword())) {
                throw new FailedLoginException("Password for " + name.getName() + " does not match");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().addAll(Set.of(new UserPrincipal(user), new RolePrincipal(ROLES.get(user))));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }
}

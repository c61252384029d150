package org.hamster.explorer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.osgi.framework.ServiceReference;
import org.junit.jupiter.api.Test;

/** The roles come from the services registered now, looked up by name. */
class RolesResourceTest {
    @Test
    void onlyTheRolesWhoseServicesAreRegistered() {
        Map<String, ServiceReference<?>> services = Map.of(RolesResource.GATEWAY, reference(Map.of()),
                RolesResource.CHAIN_CLIENT, reference(Map.of(RolesResource.NODE_URL, "ws://10.0.0.1:9944")));
        assertEquals(new Views.Roles(false, true, false, false, "ws://10.0.0.1:9944"),
                RolesResource.roles(services::get));
    }

    @Test
    void allFourInTheDevelopmentNetwork() {
        ServiceReference<?> any = reference(Map.of());
        Map<String, ServiceReference<?>> services = Map.of(RolesResource.NODE, any, RolesResource.GATEWAY, any,
                RolesResource.PROVIDER, any, RolesResource.CLIENT, any);
        assertEquals(new Views.Roles(true, true, true, true, null), RolesResource.roles(services::get));
        assertEquals(new Views.Roles(false, false, false, false, null), RolesResource.roles(name -> null));
    }

    @Test
    void theServiceNamesAreTheRolesInterfaces() {
        assertEquals("org.hamster.chain.ChainService", RolesResource.NODE);
        assertEquals("org.hamster.chain.client.ChainClient", RolesResource.CHAIN_CLIENT);
    }

    private static ServiceReference<?> reference(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(RolesResourceTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        ? properties.get((String) args[0]) : null);
    }
}

package org.hamster.gateway.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component property type with its defaults and some values replaced, as DS would build it. */
final class TestConfigs {
    private TestConfigs() {
    }

    static GatewayConfig gateway(Map<String, Object> values) {
        return (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "GatewayConfig" + values : null;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }
}

package org.hamster.provider.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component property type with its defaults and some values replaced, as DS would build it. */
final class TestConfigs {
    private TestConfigs() {
    }

    static ProviderConfig provider(Map<String, Object> values) {
        return (ProviderConfig) Proxy.newProxyInstance(ProviderConfig.class.getClassLoader(),
                new Class<?>[] {ProviderConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "ProviderConfig" + values : null;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }
}

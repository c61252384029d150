package org.hamster.backend.kvm.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component property type with its defaults and some values replaced, as DS would build it. */
final class TestConfigs {
    private TestConfigs() {
    }

    static KvmBackendConfig kvm(Map<String, Object> values) {
        return (KvmBackendConfig) Proxy.newProxyInstance(KvmBackendConfig.class.getClassLoader(),
                new Class<?>[] {KvmBackendConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "KvmBackendConfig" + values : null;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }
}

package org.hamster.backend.docker.internal;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.hamster.compute.SshPublicKey;

/** A component property type with its defaults and some values replaced, as DS would build it; a test key. */
final class TestConfigs {
    private TestConfigs() {
    }

    static DockerBackendConfig docker(Map<String, Object> values) {
        return (DockerBackendConfig) Proxy.newProxyInstance(DockerBackendConfig.class.getClassLoader(),
                new Class<?>[] {DockerBackendConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "DockerBackendConfig" + values : null;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    /** An ssh-ed25519 public key line whose 32 key bytes are all {@code fill}. */
    static SshPublicKey key(int fill, String comment) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + type.length + 4 + 32);
        b.putInt(type.length).put(type).putInt(32);
        for (int i = 0; i < 32; i++) {
            b.put((byte) fill);
        }
        return SshPublicKey.parse("ssh-ed25519 " + Base64.getEncoder().encodeToString(b.array()) + " " + comment);
    }
}

package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component without a framework: typed configuration in, the token (and RestAccess) out. */
class RestPublisherTest {
    @TempDir
    Path dir;

    /** The configuration DS would pass, with {@code tokenFile} set. */
    private static RestConfig config(String tokenFile) {
        return (RestConfig) Proxy.newProxyInstance(RestConfig.class.getClassLoader(), new Class<?>[] {RestConfig.class},
                (proxy, method, args) -> method.getName().equals("tokenFile") ? tokenFile : method.getDefaultValue());
    }

    @Test
    void activationCreatesTheTokenAndLaterActivationsReuseIt() throws IOException {
        Path file = dir.resolve("api.token");
        RestPublisher first = new RestPublisher(config(file.toString()));
        first.deactivate();
        assertEquals(file, first.tokenFile());
        assertTrue(first.token().matches("[0-9a-f]{64}"));
        RestPublisher second = new RestPublisher(config(file.toString()));
        second.deactivate();
        assertEquals(first.token(), second.token());
    }

    @Test
    void aBrokenTokenFileFailsActivation() throws IOException {
        Path file = Files.writeString(dir.resolve("api.token"), "not a token");
        IOException e = assertThrows(IOException.class, () -> new RestPublisher(config(file.toString())));
        assertTrue(e.getMessage().contains("delete it to have a new token created"), e.getMessage());
    }
}

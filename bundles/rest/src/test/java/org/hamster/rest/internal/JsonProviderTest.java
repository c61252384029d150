package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.ws.rs.core.MediaType;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.Test;

class JsonProviderTest {
    record Order(String id, long amount, List<String> tags) {
    }

    private final JsonProvider json = new JsonProvider(JsonProvider.newMapper());
    private final MediaType jsonType = MediaType.APPLICATION_JSON_TYPE;

    @Test
    void writesAndReadsRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.writeTo(new Order("o1", 5, List.of("a")), Order.class, Order.class, null, jsonType, null, out);
        assertEquals("{\"id\":\"o1\",\"amount\":5,\"tags\":[\"a\"]}", out.toString(StandardCharsets.UTF_8));
        assertEquals(new Order("o1", 5, List.of("a")), read(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidJsonIsABadRequest() {
        for (String bad : List.of("", "{", "{\"id\": }", "{\"amount\": \"x\"}", "{\"nope\": 1}", "{} {}")) {
            ApiException e = assertThrows(ApiException.class, () -> read(bad), bad);
            assertEquals(400, e.status());
            assertEquals("bad-request", e.code());
            assertTrue(e.getMessage().startsWith("invalid JSON body: "), e.getMessage());
        }
    }

    @Test
    void handlesJsonMediaTypesButNotRawTypes() {
        assertTrue(json.isReadable(Order.class, Order.class, null, jsonType));
        assertTrue(json.isWriteable(Order.class, Order.class, null, new MediaType("application", "problem+json")));
        assertFalse(json.isWriteable(Order.class, Order.class, null, MediaType.TEXT_PLAIN_TYPE));
        assertFalse(json.isWriteable(Order.class, Order.class, null, null));
        assertFalse(json.isReadable(String.class, String.class, null, jsonType));
        assertFalse(json.isReadable(InputStream.class, InputStream.class, null, jsonType));
        assertFalse(json.isWriteable(byte[].class, byte[].class, null, jsonType));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Order read(String body) throws IOException {
        return (Order) json.readFrom((Class) Order.class, Order.class, null, jsonType, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}

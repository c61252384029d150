package org.hamster.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.hamster.rest.ApiException;

/**
 * Reads and writes {@code application/json} (and {@code application/*+json}) bodies with Jackson databind, records
 * included. Raw types (String, byte[], streams, Response) are left to CXF's own providers. A body that is not valid
 * JSON for the parameter type is answered 400 with code {@code bad-request}.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public final class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private static final Set<Class<?>> RAW = Set.of(String.class, byte[].class, char[].class, InputStream.class,
            Reader.class, OutputStream.class, Writer.class, StreamingOutput.class, Response.class);

    private final ObjectMapper mapper;

    JsonProvider(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The mapper the API uses: strict on input (unknown properties, trailing tokens), never closes the streams;
     * {@link Instant} as ISO-8601 text (2026-11-25T10:00:00Z) both ways.
     */
    static ObjectMapper newMapper() {
        SimpleModule time = new SimpleModule("hamster-java-time");
        time.addSerializer(Instant.class, ToStringSerializer.instance);
        time.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Instant _deserialize(String value, DeserializationContext context) {
                return Instant.parse(value);
            }
        });
        return new ObjectMapper()
                .registerModule(time)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            return mapper.readerFor(mapper.constructType(genericType != null ? genericType : type)).readValue(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "bad-request", "invalid JSON body: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public long getSize(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return -1;
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        mapper.writeValue(body, value);
    }

    private static boolean handles(Class<?> type, MediaType mediaType) {
        if (mediaType == null || RAW.stream().anyMatch(raw -> raw.isAssignableFrom(type))) {
            return false;
        }
        String subtype = mediaType.getSubtype();
        return "application".equalsIgnoreCase(mediaType.getType())
                && ("json".equalsIgnoreCase(subtype) || subtype.toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}

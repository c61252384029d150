package org.hamster.rest.internal;

import java.util.List;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.hamster.rest.ApiError;
import org.hamster.rest.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request raises into {@code {"code": ..., "message": ...}} with the right status: one
 * mapper per exception family, because JAX-RS picks the mapper of the nearest exception type.
 */
final class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    /** Fresh instances of all mappers, for one server. */
    static List<Object> all() {
        return List.of(new Api(), new Http(), new Unexpected());
    }

    /** {@link ApiException}: its own status, code and message. */
    public static final class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            if (e.status() >= 500) {
                LOG.warn("REST request failed with {} {}: {}", e.status(), e.code(), e.getMessage(), e.getCause());
            }
            return Errors.response(e.status(), e.code(), e.getMessage());
        }
    }

    /** JAX-RS's own errors (404 no such resource, 405, 415, ...): their status, a code named after it. */
    public static final class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original == null ? 500 : original.getStatus();
            String message = e.getMessage() == null ? "HTTP " + status : e.getMessage();
            Response.ResponseBuilder answer =
                    original == null ? Response.status(status) : Response.fromResponse(original);
            return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(Errors.codeFor(status), message))
                    .build();
        }
    }

    /** Anything else is a bug: 500 {@code internal}, logged with an id that the answer quotes (no stack trace). */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("REST request failed unexpectedly (error id {})", id, e);
            return Errors.response(500, "internal", "internal error, logged with id " + id);
        }
    }
}

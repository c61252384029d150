package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import org.hamster.rest.ApiError;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {
    @Test
    void apiExceptionKeepsItsStatusCodeAndMessage() {
        Response r = new ErrorMappers.Api().toResponse(ApiException.conflict("order-taken", "order 7 is taken"));
        assertEquals(409, r.getStatus());
        assertEquals(new ApiError("order-taken", "order 7 is taken"), r.getEntity());
        assertEquals("application/json", r.getMediaType().toString());
    }

    @Test
    void webApplicationExceptionsKeepTheirStatusAndHeaders() {
        Response r = new ErrorMappers.Http().toResponse(new NotFoundException());
        assertEquals(404, r.getStatus());
        assertEquals("not-found", ((ApiError) r.getEntity()).code());
        Response notAllowed = new ErrorMappers.Http().toResponse(new NotAllowedException("GET"));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("method-not-allowed", ((ApiError) notAllowed.getEntity()).code());
        assertTrue(notAllowed.getAllowedMethods().contains("GET"));
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        Response r = new ErrorMappers.Unexpected().toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, r.getStatus());
        ApiError error = (ApiError) r.getEntity();
        assertEquals("internal", error.code());
        assertFalse(error.message().contains("secret"), error.message());
    }

    @Test
    void codesAreNamedAfterTheStatus() {
        assertEquals("bad-request", Errors.codeFor(400));
        assertEquals("unsupported-media-type", Errors.codeFor(415));
        assertEquals("http-418", Errors.codeFor(418));
    }

    @Test
    void apiExceptionRefusesNonErrorStatuses() {
        assertThrows(IllegalArgumentException.class,
                () -> new ApiException(200, "ok", "fine"));
        assertThrows(IllegalArgumentException.class,
                () -> new ApiException(400, " ", "no code"));
    }
}

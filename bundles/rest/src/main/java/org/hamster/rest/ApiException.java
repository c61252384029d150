package org.hamster.rest;

/**
 * An error a resource reports to its caller: answered with {@link #status()} and the JSON body
 * {@code {"code": code, "message": message}} (see {@link ApiError}). Use it for expected failures (unknown
 * order, invalid amount); anything else a resource throws is answered 500 with code {@code internal}.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * @param status HTTP status, 400 to 599
     * @param code stable, machine-readable error code in kebab case, e.g. {@code order-not-found}
     * @param message human-readable explanation, shown to the caller
     */
    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** As {@link #ApiException(int, String, String)}, keeping {@code cause} for the log (never sent). */
    public ApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an HTTP error status: " + status);
        }
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("error code is empty");
        }
        this.status = status;
        this.code = code;
    }

    /** 400 Bad Request with {@code code}. */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** 404 Not Found with {@code code}. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    /** 409 Conflict with {@code code}. */
    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** HTTP status of the response. */
    public int status() {
        return status;
    }

    /** Machine-readable error code. */
    public String code() {
        return code;
    }

    /** The JSON body sent for this exception. */
    public ApiError toError() {
        return new ApiError(code, getMessage());
    }
}

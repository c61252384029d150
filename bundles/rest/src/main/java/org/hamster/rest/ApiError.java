package org.hamster.rest;

/**
 * The JSON body of every error answer of the REST API: {@code {"code": "...", "message": "..."}}.
 *
 * @param code stable, machine-readable code, e.g. {@code unauthorized}, {@code bad-request}, {@code internal}
 * @param message human-readable explanation; never a stack trace
 */
public record ApiError(String code, String message) {
}

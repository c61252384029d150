package org.hamster.compute;

/** A backend operation failed; the message says what and why, for the provider's log and its operator. */
public class ComputeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ComputeException(String message) {
        super(message);
    }

    public ComputeException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.hamster.codec;

/** Input that is not valid SCALE for the expected type. Unchecked: decoders are called on hot paths. */
public class ScaleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScaleException(String message) {
        super(message);
    }
}

package org.hamster.common;

/** The one checked exception of Hamster's I/O boundaries. */
public class HamsterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public HamsterException(ErrorCode code, Object... args) {
        super(code.format(args));
        this.code = code;
    }

    public HamsterException(ErrorCode code, Throwable cause, Object... args) {
        super(code.format(args), cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

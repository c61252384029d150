package org.hamster.common;

/** Every failure a Hamster component reports to a caller, with its message template. */
public enum ErrorCode {
    INVALID_INPUT("invalid input: %s"),
    DECODE("cannot decode %s"),
    CRYPTO("cryptographic failure: %s"),
    KEYSTORE("keystore: %s"),
    STORAGE("storage failure: %s"),
    CONFIG("bad configuration: %s"),
    NOT_FOUND("not found: %s"),
    CHAIN("chain: %s"),
    RPC("rpc: %s"),
    IO("i/o failure: %s"),
    UNAVAILABLE("unavailable: %s");

    private final String template;

    ErrorCode(String template) {
        this.template = template;
    }

    public String format(Object... args) {
        return String.format(template, args);
    }
}

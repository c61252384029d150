package org.hamster.pallet.gateway;

/** A multiaddr the chain would refuse, with the pallet error it maps to and a message naming the problem. */
public final class InvalidGatewayAddress extends Exception {
    private static final long serialVersionUID = 1L;
    private final GatewayError error;

    public InvalidGatewayAddress(GatewayError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public GatewayError error() {
        return error;
    }

    /** {@code text} shortened for a message: untrusted input must not make messages huge. */
    static String quote(String text) {
        String t = text.length() > 64 ? text.substring(0, 61) + "..." : text;
        StringBuilder sb = new StringBuilder(t.length() + 2).append('\'');
        t.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('\'').toString();
    }
}

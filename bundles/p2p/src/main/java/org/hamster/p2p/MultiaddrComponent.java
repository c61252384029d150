package org.hamster.p2p;

import java.util.Arrays;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.p2p.internal.MultiaddrCodec;
import org.hamster.p2p.internal.WireException;

/**
 * One protocol of a {@link Multiaddr} with its value, e.g. {@code /tcp/4001}; the value is "" for protocols
 * without one.
 */
public final class MultiaddrComponent {
    private final MultiaddrProtocol protocol;
    private final String value;
    private final byte[] raw;

    private MultiaddrComponent(MultiaddrProtocol protocol, String value, byte[] raw) {
        this.protocol = protocol;
        this.value = value;
        this.raw = raw;
    }

    /** Validates {@code value} (text form) for {@code protocol}; the stored value is its canonical text. */
    public static MultiaddrComponent of(MultiaddrProtocol protocol, String value) throws HamsterException {
        try {
            byte[] raw = MultiaddrCodec.toBytes(protocol, value == null ? "" : value);
            return new MultiaddrComponent(protocol, MultiaddrCodec.toText(protocol, raw), raw);
        } catch (WireException e) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "/" + protocol.text() + "/" + value + ": "
                    + e.getMessage());
        }
    }

    /** Validates a binary value; throws {@link WireException} when it is malformed. */
    static MultiaddrComponent ofRaw(MultiaddrProtocol protocol, byte[] raw) {
        return new MultiaddrComponent(protocol, MultiaddrCodec.toText(protocol, raw), raw);
    }

    public MultiaddrProtocol protocol() {
        return protocol;
    }

    public String value() {
        return value;
    }

    /** The value in its binary form (without the length prefix of variable-size values). */
    public byte[] rawValue() {
        return raw.clone();
    }

    byte[] raw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiaddrComponent c && c.protocol == protocol && Arrays.equals(c.raw, raw);
    }

    @Override
    public int hashCode() {
        return protocol.hashCode() * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return protocol.hasValue() ? "/" + protocol.text() + "/" + value : "/" + protocol.text();
    }
}

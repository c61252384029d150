package org.hamster.p2p;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The multiaddr protocols Hamster reads and writes, with their multicodec codes (multiaddr protocols.csv). */
public enum MultiaddrProtocol {
    IP4(4, "ip4", 32),
    TCP(6, "tcp", 16),
    UDP(273, "udp", 16),
    IP6(41, "ip6", 128),
    DNS(53, "dns", Size.VARIABLE),
    DNS4(54, "dns4", Size.VARIABLE),
    DNS6(55, "dns6", Size.VARIABLE),
    DNSADDR(56, "dnsaddr", Size.VARIABLE),
    P2P_CIRCUIT(290, "p2p-circuit", 0),
    P2P(421, "p2p", Size.VARIABLE),
    TLS(448, "tls", 0),
    QUIC(460, "quic", 0),
    QUIC_V1(461, "quic-v1", 0),
    WS(477, "ws", 0),
    WSS(478, "wss", 0);

    private static final Map<Integer, MultiaddrProtocol> BY_CODE = new HashMap<>();
    private static final Map<String, MultiaddrProtocol> BY_NAME = new HashMap<>();

    static {
        for (MultiaddrProtocol p : values()) {
            BY_CODE.put(p.code, p);
            BY_NAME.put(p.text, p);
        }
        BY_NAME.put("ipfs", P2P); // the old name of /p2p, still accepted when parsing
    }

    private final int code;
    private final String text;
    private final int sizeBits;

    MultiaddrProtocol(int code, String text, int sizeBits) {
        this.code = code;
        this.text = text;
        this.sizeBits = sizeBits;
    }

    public int code() {
        return code;
    }

    /** The name in the text form, e.g. {@code quic-v1}. */
    public String text() {
        return text;
    }

    /** Fixed value size in bits, 0 for protocols without a value, {@link Size#VARIABLE} for length-prefixed values. */
    public int sizeBits() {
        return sizeBits;
    }

    public boolean hasValue() {
        return sizeBits != 0;
    }

    public static Optional<MultiaddrProtocol> byCode(long code) {
        return code > Integer.MAX_VALUE ? Optional.empty() : Optional.ofNullable(BY_CODE.get((int) code));
    }

    public static Optional<MultiaddrProtocol> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Size markers. */
    public static final class Size {
        /** A varint length prefix precedes the value. */
        public static final int VARIABLE = -1;

        private Size() {
        }
    }
}

package org.hamster.p2p.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.hamster.common.HamsterException;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.PeerId;

/** Converts multiaddr values between text and binary form, validating both. Throws {@link WireException}. */
public final class MultiaddrCodec {
    private static final int MAX_NAME = 255;

    private MultiaddrCodec() {
    }

    public static byte[] toBytes(MultiaddrProtocol p, String text) {
        return switch (p) {
            case IP4 -> ip4(text);
            case IP6 -> ip6(text);
            case TCP, UDP -> port(text);
            case DNS, DNS4, DNS6, DNSADDR -> name(text.getBytes(StandardCharsets.UTF_8));
            case P2P -> peer(text).toBytes();
            default -> noValue(p, text.isEmpty() ? new byte[0] : null);
        };
    }

    public static String toText(MultiaddrProtocol p, byte[] raw) {
        return switch (p) {
            case IP4 -> (raw[0] & 0xFF) + "." + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF);
            case IP6 -> Ip6Text.format(raw);
            case TCP, UDP -> Integer.toString(((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF));
            case DNS, DNS4, DNS6, DNSADDR -> utf8(name(raw));
            case P2P -> peer(raw).toBase58();
            default -> {
                noValue(p, raw);
                yield "";
            }
        };
    }

    private static byte[] noValue(MultiaddrProtocol p, byte[] raw) {
        if (raw == null || raw.length != 0) {
            throw new WireException("/" + p.text() + " takes no value");
        }
        return raw;
    }

    private static byte[] ip4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new WireException("not a dotted-quad IPv4 address: " + text);
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) decimal(parts[i], 255, text);
        }
        return out;
    }

    private static byte[] ip6(String text) {
        boolean literal = text.chars().allMatch(c -> (c < 128 && Character.digit(c, 16) >= 0) || c == ':' || c == '.');
        if (text.indexOf(':') < 0 || !literal) {
            throw new WireException("not an IPv6 address: " + text);
        }
        try {
            InetAddress a = InetAddress.getByName(text); // a literal: no name lookup
            byte[] raw = a.getAddress();
            if (a instanceof Inet4Address) { // Java folds ::ffff:a.b.c.d into IPv4; keep the mapped form
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(raw, 0, mapped, 12, 4);
                return mapped;
            }
            return raw;
        } catch (UnknownHostException e) {
            throw new WireException("not an IPv6 address: " + text);
        }
    }

    private static byte[] port(String text) {
        int v = decimal(text, 65535, text);
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    private static int decimal(String s, int max, String context) {
        if (s.isEmpty() || s.length() > 5 || (s.length() > 1 && s.charAt(0) == '0')
                || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WireException("bad number '" + s + "' in " + context);
        }
        int v = Integer.parseInt(s);
        if (v > max) {
            throw new WireException(s + " exceeds " + max + " in " + context);
        }
        return v;
    }

    private static byte[] name(byte[] raw) {
        if (raw.length == 0 || raw.length > MAX_NAME) {
            throw new WireException("a DNS name has 1.." + MAX_NAME + " bytes");
        }
        for (byte b : raw) {
            if (b == '/' || (b >= 0 && b < 0x21) || b == 0x7F) {
                throw new WireException("a DNS name has no '/', spaces or control characters");
            }
        }
        utf8(raw);
        return raw;
    }

    private static String utf8(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new WireException("a DNS name must be UTF-8");
        }
    }

    private static PeerId peer(String text) {
        try {
            return PeerId.parse(text);
        } catch (HamsterException e) {
            throw new WireException(e.getMessage());
        }
    }

    private static PeerId peer(byte[] raw) {
        try {
            return PeerId.fromBytes(raw);
        } catch (HamsterException e) {
            throw new WireException(e.getMessage());
        }
    }
}

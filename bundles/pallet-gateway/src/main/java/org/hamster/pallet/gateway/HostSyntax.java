package org.hamster.pallet.gateway;

/**
 * The values of multiaddr host and port components: parsing, canonical printing and reachability. Strict where
 * text is ambiguous (no leading zeros in IPv4 octets or ports), canonical where it has many spellings (IPv6 in
 * RFC 5952 form, DNS names in lower case).
 */
final class HostSyntax {
    /** Whether a host can be reached from the public internet, as far as its text tells. */
    enum Reach { PUBLIC, NON_PUBLIC }

    /** A parsed host: its canonical text and reach. */
    record Host(String text, Reach reach) {
    }

    private static final int MAX_DNS_NAME = 253;
    private static final int MAX_DNS_LABEL = 63;

    private HostSyntax() {
    }

    static Host ip4(String v) throws InvalidGatewayAddress {
        byte[] a = parseIp4(v);
        if (a == null) {
            throw invalid("ip4 value " + InvalidGatewayAddress.quote(v) + " is not a dotted-quad IPv4 address");
        }
        int b0 = a[0] & 0xff;
        if (b0 == 0 || b0 >= 224) {
            throw undialable("ip4 " + v + " is an unspecified, multicast, reserved or broadcast address");
        }
        return new Host(v, ip4Public(a) ? Reach.PUBLIC : Reach.NON_PUBLIC);
    }

    static Host ip6(String v) throws InvalidGatewayAddress {
        byte[] a = parseIp6(v);
        if (a == null) {
            throw invalid("ip6 value " + InvalidGatewayAddress.quote(v) + " is not an IPv6 address");
        }
        String canonical = printIp6(a);
        if (isZero(a, 0, 16) || (a[0] & 0xff) == 0xff) {
            throw undialable("ip6 " + canonical + " is the unspecified or a multicast address");
        }
        Reach reach = Reach.PUBLIC;
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            byte[] v4 = java.util.Arrays.copyOfRange(a, 12, 16);
            int v0 = v4[0] & 0xff;
            if (v0 == 0 || v0 >= 224) {
                throw undialable("ip6 " + canonical + " maps an undialable IPv4 address");
            }
            reach = ip4Public(v4) ? Reach.PUBLIC : Reach.NON_PUBLIC;
        } else if (isZero(a, 0, 15) // ::1 loopback
                || (b0 == 0xfe && (b1 & 0xc0) == 0x80) // fe80::/10 link-local
                || (b0 & 0xfe) == 0xfc // fc00::/7 unique local
                || (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) // 2001:db8::/32
                || (b0 == 0x01 && b1 == 0 && isZero(a, 2, 8)) // 100::/64 discard
                || isZero(a, 0, 12)) { // ::/96 other than the above: deprecated IPv4-compatible, not routable
            reach = Reach.NON_PUBLIC;
        }
        return new Host(canonical, reach);
    }

    static Host dns(String v) throws InvalidGatewayAddress {
        if (v.isEmpty() || v.length() > MAX_DNS_NAME) {
            throw invalid("DNS name must be 1.." + MAX_DNS_NAME + " characters");
        }
        StringBuilder lower = new StringBuilder(v.length());
        int labelStart = 0;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : '.';
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > MAX_DNS_LABEL || v.charAt(labelStart) == '-' || v.charAt(i - 1) == '-') {
                    throw invalid("DNS name " + InvalidGatewayAddress.quote(v)
                            + " has an empty, over-long or hyphen-edged label");
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                throw invalid("DNS name " + InvalidGatewayAddress.quote(v)
                        + " may only hold letters, digits, '-' and '.'");
            }
            if (i < v.length()) {
                lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }
        String name = lower.toString();
        boolean local = name.equals("localhost") || name.endsWith(".localhost");
        return new Host(name, local ? Reach.NON_PUBLIC : Reach.PUBLIC);
    }

    /** A tcp/udp port: 1..65535 in decimal without leading zeros. */
    static int port(String proto, String v) throws InvalidGatewayAddress {
        int p = decimal(v, 5);
        if (p < 0 || p > 65535) {
            throw invalid(proto + " port " + InvalidGatewayAddress.quote(v) + " is not a number 0..65535");
        }
        if (p == 0) {
            throw undialable(proto + " port 0 cannot be dialled");
        }
        return p;
    }

    /** A non-negative decimal of at most {@code maxDigits} digits without leading zeros, or -1. */
    private static int decimal(String v, int maxDigits) {
        if (v.isEmpty() || v.length() > maxDigits || (v.length() > 1 && v.charAt(0) == '0')) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static byte[] parseIp4(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int n = decimal(parts[i], 3);
            if (n < 0 || n > 255) {
                return null;
            }
            out[i] = (byte) n;
        }
        return out;
    }

    /** RFC 4291 text (hex groups, one '::', optional trailing dotted quad) to 16 bytes, or null. */
    static byte[] parseIp6(String v) {
        if (v.length() < 2 || v.length() > 45) {
            return null;
        }
        int gap = v.indexOf("::");
        if (gap >= 0 && v.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        if (gap >= 0 && v.substring(0, gap).indexOf('.') >= 0) {
            return null; // an embedded IPv4 address only ends the text
        }
        int[] head = gap < 0 ? groups(v) : groups(v.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(v.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int n = head.length + tail.length;
        if (gap < 0 ? n != 8 : n > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            out[2 * i] = (byte) (head[i] >>> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int g = 8 - tail.length + i;
            out[2 * g] = (byte) (tail[i] >>> 8);
            out[2 * g + 1] = (byte) tail[i];
        }
        return out;
    }

    /** Colon-separated 16-bit groups; the last may be a dotted quad (two groups). Empty text is no group. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = parseIp4(p);
                if (v4 == null) {
                    return null;
                }
                out[n++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                out[n++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int g = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0 || p.charAt(j) > 'f') {
                    return null;
                }
                g = g << 4 | d;
            }
            out[n++] = g;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest (first) run of two or more zero groups as '::'. */
    static String printIp6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        boolean mapped = isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        StringBuilder sb = new StringBuilder(41);
        int last = mapped ? 6 : 8;
        for (int i = 0; i < last; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        if (mapped) {
            sb.append(':').append(a[12] & 0xff).append('.').append(a[13] & 0xff).append('.').append(a[14] & 0xff)
                    .append('.').append(a[15] & 0xff);
        }
        return sb.toString();
    }

    private static boolean ip4Public(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 10 || b0 == 127 // private, loopback
                || (b0 == 100 && (b1 & 0xc0) == 64) // 100.64/10 carrier-grade NAT
                || (b0 == 169 && b1 == 254) // link-local
                || (b0 == 172 && (b1 & 0xf0) == 16) // 172.16/12
                || (b0 == 192 && b1 == 168) // 192.168/16
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // 192.0.0/24 protocol assignments, TEST-NET-1
                || (b0 == 198 && (b1 & 0xfe) == 18) // 198.18/15 benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100) // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113)); // TEST-NET-3
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InvalidGatewayAddress invalid(String message) {
        return new InvalidGatewayAddress(GatewayError.InvalidMultiaddr, message);
    }

    private static InvalidGatewayAddress undialable(String message) {
        return new InvalidGatewayAddress(GatewayError.UndialableAddress, message);
    }
}

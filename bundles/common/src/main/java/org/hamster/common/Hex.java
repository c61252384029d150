package org.hamster.common;

import java.util.HexFormat;

/** 0x-prefixed lower-case hex, as Substrate prints bytes. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    /** Accepts with or without the 0x prefix; throws IllegalArgumentException on bad input. */
    public static byte[] decode(String hex) {
        String s = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd-length hex string");
        }
        return HEX.parseHex(s);
    }
}

package org.hamster.rpc.internal;

import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may call, in Substrate's --rpc-cors syntax: exact origins, {@code scheme://host:*} for
 * any port, or {@code *} for all. A request without an Origin header (curl, Java, Node) is not a browser
 * page and is always served.
 */
record Cors(boolean all, List<String> origins) {
    static Cors parse(String list) {
        List<String> entries = ServerSettings.splitList(list).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return new Cors(entries.contains("*"), entries);
    }

    boolean allows(String origin) {
        if (origin == null || all) {
            return true;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        for (String e : origins) {
            if (e.equals(o) || e.endsWith(":*") && matchesAnyPort(e.substring(0, e.length() - 2), o)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAnyPort(String base, String origin) {
        if (origin.equals(base)) {
            return true;
        }
        if (!origin.startsWith(base + ":")) {
            return false;
        }
        String port = origin.substring(base.length() + 1);
        return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return all ? "*" : String.join(",", origins);
    }
}

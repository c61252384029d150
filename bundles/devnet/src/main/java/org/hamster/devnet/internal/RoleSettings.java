package org.hamster.devnet.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

/**
 * Development defaults for one role's configuration: keys the operator left unset (absent or blank) get the
 * development value; what the operator set is never changed.
 */
final class RoleSettings {
    private RoleSettings() {
    }

    /** The configuration with the defaults filled in, or null when nothing changes. */
    static Dictionary<String, Object> fill(Dictionary<String, Object> current, Map<String, String> defaults) {
        Dictionary<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (var keys = current.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                next.put(k, current.get(k));
            }
        }
        boolean changed = false;
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            Object v = next.get(d.getKey());
            if (v == null || v.toString().isBlank()) {
                next.put(d.getKey(), d.getValue());
                changed = true;
            }
        }
        return changed ? next : null;
    }
}

package org.hamster.chain.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.EventRecords;
import org.hamster.chain.client.internal.DispatchErrors;
import org.hamster.chain.client.internal.KnownPallets;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;

/**
 * What the client knows of the node's runtime without metadata: the pallet indices of the chain spec, how to
 * walk each pallet's events and the names of its errors. Immutable; {@link #withPallet} returns a copy.
 * The pallets of the Hamster runtime (System, Timestamp, Balances, TransactionPayment, Sudo, Provider,
 * ResourceOrder, Gateway) are known by name: their events are walked and their errors named by the pallets' own
 * exported API (e.g. {@code ProviderEvent.decode}, {@code ProviderError}).
 */
public final class RuntimeLayout {
    /** The pallet indices of the development chain spec. */
    public static final Map<String, Integer> DEV_PALLET_INDICES = devIndices();

    private final Map<String, Integer> indices;
    private final Map<Integer, String> names;
    private final Map<String, EventLayout> events;
    private final Map<String, List<String>> errors;

    private RuntimeLayout(Map<String, Integer> indices, Map<String, EventLayout> events,
            Map<String, List<String>> errors) {
        this.indices = Map.copyOf(indices);
        this.events = Map.copyOf(events);
        this.errors = Map.copyOf(errors);
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        indices.forEach((name, index) -> {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("pallet index of " + name + " must be 0..255, not " + index);
            }
            if (byIndex.put(index, name) != null) {
                throw new IllegalArgumentException("pallet index " + index + " is used twice");
            }
        });
        this.names = Map.copyOf(byIndex);
    }

    /**
     * The development chain spec: System 0, Timestamp 1, Balances 2, TransactionPayment 3, Sudo 4, Provider 5,
     * ResourceOrder 6, Gateway 7.
     */
    public static RuntimeLayout dev() {
        return of(DEV_PALLET_INDICES);
    }

    /** The given pallet indices (name to index, as the node's chain spec fixes them), with the known layouts. */
    public static RuntimeLayout of(Map<String, Integer> palletIndices) {
        return new RuntimeLayout(palletIndices, KnownPallets.EVENTS, KnownPallets.ERRORS);
    }

    /** A copy that also knows pallet {@code name} at {@code index}, its event layout and error names (in order). */
    public RuntimeLayout withPallet(String name, int index, EventLayout eventLayout, List<String> errorNames) {
        Map<String, Integer> i = new LinkedHashMap<>(indices);
        i.put(name, index);
        Map<String, EventLayout> e = new LinkedHashMap<>(events);
        if (eventLayout != null) {
            e.put(name, eventLayout);
        }
        Map<String, List<String>> r = new LinkedHashMap<>(errors);
        if (errorNames != null) {
            r.put(name, List.copyOf(errorNames));
        }
        return new RuntimeLayout(i, e, r);
    }

    public Map<String, Integer> palletIndices() {
        return indices;
    }

    /** The index of a pallet; IllegalArgumentException naming the known pallets if it is not in the layout. */
    public int index(String pallet) {
        Integer i = indices.get(pallet);
        if (i == null) {
            throw new IllegalArgumentException("no pallet " + pallet + " in the runtime layout; known: "
                    + indices.keySet());
        }
        return i;
    }

    public Optional<String> name(int palletIndex) {
        return Optional.ofNullable(names.get(palletIndex));
    }

    /** Call encoders over these pallet indices. */
    public Calls calls() {
        return new Calls(indices);
    }

    /** Splits a raw System.Events value; ScaleException naming the pallet whose events cannot be walked. */
    public List<EventRecord> decodeEvents(byte[] raw) {
        return EventRecords.decode(raw, (pallet, event, r) -> {
            String name = names.get(pallet);
            EventLayout layout = name == null ? null : events.get(name);
            if (layout == null) {
                throw new ScaleException("cannot decode events of pallet " + (name == null ? "#" + pallet : name)
                        + ": no event layout registered (RuntimeLayout.withPallet)");
            }
            layout.skip(event, r);
        });
    }

    /** Reads a SCALE DispatchError; module errors are described as "Pallet.ErrorName" where known. */
    public DispatchError decodeDispatchError(ScaleReader r) {
        return DispatchErrors.decode(r, this::moduleErrorName);
    }

    /** "Pallet.Error" for a module error, with "#index" for whatever part is unknown. */
    public String moduleErrorName(int palletIndex, int errorIndex) {
        return palletName(palletIndex) + "." + errorName(palletIndex, errorIndex);
    }

    String palletName(int palletIndex) {
        return name(palletIndex).orElse("Module#" + palletIndex);
    }

    String errorName(int palletIndex, int errorIndex) {
        String name = names.get(palletIndex);
        List<String> list = name == null ? null : errors.get(name);
        return list != null && errorIndex < list.size() ? list.get(errorIndex) : "Error#" + errorIndex;
    }

    private static Map<String, Integer> devIndices() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("System", 0);
        m.put("Timestamp", 1);
        m.put("Balances", 2);
        m.put("TransactionPayment", 3);
        m.put("Sudo", 4);
        m.put("Provider", 5);
        m.put("ResourceOrder", 6);
        m.put("Gateway", 7);
        return java.util.Collections.unmodifiableMap(m);
    }
}

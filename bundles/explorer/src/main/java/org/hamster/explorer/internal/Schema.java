package org.hamster.explorer.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What metadata would tell about a runtime: the name and field layout of each call and event, by pallet name and
 * variant index. The chain's pallet indices come from its {@code RuntimeLayout}. Immutable.
 */
final class Schema {
    record Field(String name, FieldType type) {
    }

    record Variant(String name, List<Field> fields) {
        Variant {
            fields = List.copyOf(fields);
        }
    }

    private record Pallet(Map<Integer, Variant> calls, Map<Integer, Variant> events) {
    }

    private final Map<String, Pallet> pallets;

    private Schema(Map<String, Pallet> pallets) {
        this.pallets = Map.copyOf(pallets);
    }

    static Builder builder() {
        return new Builder();
    }

    static Field field(String name, FieldType type) {
        return new Field(name, type);
    }

    Optional<Variant> call(String pallet, int index) {
        return Optional.ofNullable(pallets.get(pallet)).map(p -> p.calls().get(index));
    }

    Optional<Variant> event(String pallet, int index) {
        return Optional.ofNullable(pallets.get(pallet)).map(p -> p.events().get(index));
    }

    /** Collects pallets, each followed by its calls and events. */
    static final class Builder {
        private final Map<String, Pallet> pallets = new LinkedHashMap<>();
        private Pallet current;

        /** Starts the entries of pallet {@code name} (as named in the chain spec). */
        Builder pallet(String name) {
            current = new Pallet(new LinkedHashMap<>(), new LinkedHashMap<>());
            if (pallets.put(name, current) != null) {
                throw new IllegalArgumentException("pallet " + name + " is described twice");
            }
            return this;
        }

        Builder call(int index, String name, Field... fields) {
            return add(current.calls(), index, name, fields);
        }

        Builder event(int index, String name, Field... fields) {
            return add(current.events(), index, name, fields);
        }

        Schema build() {
            Map<String, Pallet> frozen = new LinkedHashMap<>();
            pallets.forEach((name, p) -> frozen.put(name, new Pallet(Map.copyOf(p.calls()), Map.copyOf(p.events()))));
            return new Schema(frozen);
        }

        private Builder add(Map<Integer, Variant> variants, int index, String name, Field[] fields) {
            if (variants.put(index, new Variant(name, List.of(fields))) != null) {
                throw new IllegalArgumentException(name + ": index " + index + " is taken");
            }
            return this;
        }
    }
}

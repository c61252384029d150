package org.hamster.chain.spi.meta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.chain.spi.meta.Ty.Case;
import org.hamster.chain.spi.meta.Ty.Field;
import org.hamster.chain.spi.meta.Ty.Param;
import org.hamster.chain.spi.meta.Ty.Variant;

/**
 * What a pallet puts in the runtime's metadata: its call, event and error enums (null when it has none), its
 * storage entries and its constants. Built with {@link #builder(String)}; the runtime adds the pallet's name and
 * index.
 */
public record PalletMeta(Variant calls, Variant events, Variant errors, List<Storage> storage,
        List<Constant> constants) {
    public PalletMeta {
        storage = List.copyOf(storage);
        constants = List.copyOf(constants);
    }

    /** Whether a missing storage value reads as None ({@code OPTIONAL}) or as the entry's default. */
    public enum Modifier { OPTIONAL, DEFAULT }

    /**
     * A storage entry: plain when {@code hashers} is empty (then {@code key} is null), else a map whose key is
     * {@code key}, or, with several hashers, a tuple with one element per hasher (an NMap).
     */
    public record Storage(String name, Modifier modifier, List<Hasher> hashers, Ty key, Ty value,
            byte[] defaultValue, List<String> docs) {
        public Storage {
            hashers = List.copyOf(hashers);
            docs = List.copyOf(docs);
            defaultValue = defaultValue.clone();
            if (hashers.isEmpty() != (key == null)) {
                throw new IllegalArgumentException(name + ": a map has hashers and a key, a plain value neither");
            }
            if (hashers.size() > 1 && !(key instanceof Ty.Tuple t && t.elements().size() == hashers.size())) {
                throw new IllegalArgumentException(name + ": " + hashers.size() + " hashers need a tuple key of as many");
            }
        }

        @Override
        public byte[] defaultValue() {
            return defaultValue.clone();
        }
    }

    /** A constant: its type and its SCALE-encoded value as configured. */
    public record Constant(String name, Ty type, byte[] value, List<String> docs) {
        public Constant {
            value = value.clone();
            docs = List.copyOf(docs);
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** A builder for the pallet named {@code pallet} (as in the chain spec, e.g. "ResourceOrder"). */
    public static Builder builder(String pallet) {
        return new Builder(pallet);
    }

    /** Builds a {@link PalletMeta}; call and event variants are declared one by one, errors from their enum. */
    public static final class Builder {
        private final String crate;
        private final List<Case> calls = new ArrayList<>();
        private final List<Case> events = new ArrayList<>();
        private Variant errors;
        private final List<Storage> storage = new ArrayList<>();
        private final List<Constant> constants = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(String pallet) {
            this.crate = "pallet_" + snake(pallet);
        }

        /** The type path Substrate gives a pallet's types, e.g. {@code pallet_resource_order::types::Order}. */
        public String typePath(String name) {
            return crate + "::types::" + name;
        }

        /** Call {@code index}: its snake_case name, its documentation and its arguments in encoding order. */
        public Builder call(int index, String name, String doc, Field... args) {
            calls.add(new Case(name, List.of(args), index, docs(doc)));
            return this;
        }

        /** Event {@code index}: its PascalCase name, documentation and fields in encoding order. */
        public Builder event(int index, String name, String doc, Field... fields) {
            events.add(new Case(name, List.of(fields), index, docs(doc)));
            return this;
        }

        /** The error enum: one variant per constant, at {@link ModuleError#index()}, named {@link ModuleError#name()}. */
        public <E extends Enum<E> & ModuleError> Builder errors(Class<E> errorEnum) {
            List<Case> cases = new ArrayList<>();
            for (E e : errorEnum.getEnumConstants()) {
                cases.add(new Case(e.name(), List.of(), e.index(), List.of()));
            }
            errors = enumOf("Error", cases);
            return this;
        }

        /** A plain storage value. */
        public Builder value(StorageValue<?> v, Modifier modifier, Ty type, byte[] defaultValue, String doc) {
            return add(v.pallet(), new Storage(v.item(), modifier, List.of(), null, type, defaultValue, docs(doc)));
        }

        /** A map with the map's own hasher and key type {@code key}. */
        public Builder map(StorageMap<?, ?> m, Modifier modifier, Ty key, Ty value, byte[] defaultValue, String doc) {
            return add(m.pallet(), new Storage(m.item(), modifier, List.of(m.hasher()), key, value, defaultValue,
                    docs(doc)));
        }

        /**
         * A map whose key is the concatenation of several hashed parts (e.g. an Identity-hashed {@code AccountId ++
         * u64}): described as an NMap, one hasher per key part.
         */
        public Builder nmap(StorageMap<?, ?> m, Modifier modifier, List<Hasher> hashers, List<Ty> keys, Ty value,
                byte[] defaultValue, String doc) {
            return add(m.pallet(), new Storage(m.item(), modifier, hashers, new Ty.Tuple(keys), value, defaultValue,
                    docs(doc)));
        }

        /** A constant with its SCALE-encoded configured value. */
        public Builder constant(String name, Ty type, byte[] value, String doc) {
            constants.add(new Constant(name, type, value, docs(doc)));
            return this;
        }

        public PalletMeta build() {
            return new PalletMeta(calls.isEmpty() ? null : enumOf("Call", calls),
                    events.isEmpty() ? null : enumOf("Event", events), errors, storage, constants);
        }

        private Builder add(String pallet, Storage s) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("storage entry " + pallet + "." + s.name() + " declared twice");
            }
            storage.add(s);
            return this;
        }

        private Variant enumOf(String name, List<Case> cases) {
            return new Variant(Ty.path(crate + "::pallet::" + name), List.of(new Param("T", null)), cases,
                    List.of());
        }

        private static List<String> docs(String doc) {
            return doc == null || doc.isEmpty() ? List.of() : List.of(doc.split("\n"));
        }
    }

    /** "ResourceOrder" as "resource_order". */
    static String snake(String pascal) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}

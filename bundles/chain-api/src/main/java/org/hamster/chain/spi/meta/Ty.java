package org.hamster.chain.spi.meta;

import java.util.List;
import java.util.Objects;

/**
 * A type as Metadata V14's portable registry (scale-info) describes it, by structure: two equal descriptions are
 * one registry entry. Paths follow Substrate's crate::module::Name (polkadot.js names types after them), field
 * names are snake_case. {@link Ref} names a runtime-level type filled in by the runtime (the outer call enum),
 * which lets Sudo's call hold any call.
 */
public sealed interface Ty {
    /** scale-info's primitive kinds, in their encoding order. */
    enum Kind { BOOL, CHAR, STR, U8, U16, U32, U64, U128, U256, I8, I16, I32, I64, I128, I256 }

    record Prim(Kind kind) implements Ty {
        public Prim {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code Compact<T>}: SCALE's compact integer encoding. */
    record Compact(Ty of) implements Ty {
        public Compact {
            Objects.requireNonNull(of, "of");
        }
    }

    /** {@code Vec<T>}: a compact length, then the elements. */
    record Seq(Ty of) implements Ty {
        public Seq {
            Objects.requireNonNull(of, "of");
        }
    }

    /** {@code [T; len]}: exactly {@code len} elements, no length prefix. */
    record Arr(int len, Ty of) implements Ty {
        public Arr {
            Objects.requireNonNull(of, "of");
            if (len < 0) {
                throw new IllegalArgumentException("negative array length " + len);
            }
        }
    }

    /** {@code (A, B, ...)}; the empty tuple is {@code ()}. */
    record Tuple(List<Ty> elements) implements Ty {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** A struct: its fields in order (all named, or all unnamed for a tuple struct). */
    record Composite(List<String> path, List<Param> params, List<Field> fields, List<String> docs) implements Ty {
        public Composite {
            path = List.copyOf(path);
            params = List.copyOf(params);
            fields = List.copyOf(fields);
            docs = List.copyOf(docs);
        }
    }

    /** An enum: one byte of variant index, then that variant's fields. */
    record Variant(List<String> path, List<Param> params, List<Case> variants, List<String> docs) implements Ty {
        public Variant {
            path = List.copyOf(path);
            params = List.copyOf(params);
            variants = List.copyOf(variants);
            docs = List.copyOf(docs);
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (Case c : variants) {
                if (!seen.add(c.index())) {
                    throw new IllegalArgumentException("variant index " + c.index() + " twice in " + path);
                }
            }
        }

        /** The variant with index {@code index}, or null. */
        public Case variant(int index) {
            for (Case c : variants) {
                if (c.index() == index) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A runtime-level type by name, e.g. {@link StdTypes#RUNTIME_CALL}; resolved when the metadata is built. */
    record Ref(String name) implements Ty {
        public Ref {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A generic parameter of a type: its name and, when known, its type. */
    record Param(String name, Ty type) {
        public Param {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A field: its name (null in tuple structs and unnamed variant fields), type, Rust type name (may be null). */
    record Field(String name, Ty type, String typeName, List<String> docs) {
        public Field {
            Objects.requireNonNull(type, "type");
            docs = List.copyOf(docs);
        }
    }

    /** One variant of a {@link Variant}. */
    record Case(String name, List<Field> fields, int index, List<String> docs) {
        public Case {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
            docs = List.copyOf(docs);
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("variant index " + index + " out of 0..255");
            }
        }
    }

    /** A named field. */
    static Field field(String name, Ty type, String typeName) {
        return new Field(name, type, typeName, List.of());
    }

    /** An unnamed field. */
    static Field field(Ty type, String typeName) {
        return new Field(null, type, typeName, List.of());
    }

    /** A struct at {@code path} (e.g. "pallet_provider::types::Resource") with named fields. */
    static Composite struct(String path, Field... fields) {
        return new Composite(path(path), List.of(), List.of(fields), List.of());
    }

    /** A field-less enum at {@code path} whose variants are {@code names} with indices 0, 1, ... */
    static Variant unitEnum(String path, String... names) {
        List<Case> cases = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            cases.add(new Case(names[i], List.of(), i, List.of()));
        }
        return new Variant(path(path), List.of(), cases, List.of());
    }

    /** "a::b::C" as a path list. */
    static List<String> path(String path) {
        return path.isEmpty() ? List.of() : List.of(path.split("::"));
    }
}

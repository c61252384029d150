package org.hamster.metadata;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the portable registry: its id, Rust path ({@code ["sp_core", "crypto", "AccountId32"]}, empty for
 * sequences, arrays, tuples, primitives and compacts), generic parameters, definition and docs.
 */
public record PortableType(int id, List<String> path, List<Param> params, TypeDef def, List<String> docs) {
    public PortableType {
        Objects.requireNonNull(def, "def");
        path = List.copyOf(path);
        params = List.copyOf(params);
        docs = List.copyOf(docs);
    }

    /** A generic parameter: its name and its type id, null when the parameter is skipped (e.g. {@code T}). */
    public record Param(String name, Integer type) {
        public Param {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The path as Rust writes it, e.g. "sp_core::crypto::AccountId32" (empty for unnamed types). */
    public String pathString() {
        return String.join("::", path);
    }

    @Override
    public String toString() {
        return "#" + id + (path.isEmpty() ? "" : " " + pathString()) + " " + def;
    }
}

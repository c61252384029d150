package org.hamster.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The types of a metadata, where type {@code i} is at index {@code i} (ids 0..n-1 in order). */
public final class PortableRegistry {
    private final List<PortableType> types;

    /** Checks that ids are 0..n-1 in order and that every referenced id exists. */
    public PortableRegistry(List<PortableType> types) {
        this.types = List.copyOf(types);
        for (int i = 0; i < this.types.size(); i++) {
            if (this.types.get(i).id() != i) {
                throw new IllegalArgumentException("type at position " + i + " has id " + this.types.get(i).id());
            }
        }
        for (PortableType t : this.types) {
            for (int ref : references(t)) {
                if (ref < 0 || ref >= this.types.size()) {
                    throw new IllegalArgumentException("type " + t.id() + " refers to unknown type id " + ref);
                }
            }
        }
    }

    public List<PortableType> types() {
        return types;
    }

    public int size() {
        return types.size();
    }

    /** The type with id {@code id}; IllegalArgumentException when there is none. */
    public PortableType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw new IllegalArgumentException("no type with id " + id + " (registry has " + types.size() + ")");
        }
        return types.get(id);
    }

    /** The first type whose path is {@code path} (e.g. "frame_system::EventRecord"). */
    public Optional<PortableType> byPath(String path) {
        return types.stream().filter(t -> t.pathString().equals(path)).findFirst();
    }

    /** Type ids a type refers to: params, fields, elements. */
    static List<Integer> references(PortableType t) {
        List<Integer> out = new ArrayList<>();
        for (PortableType.Param p : t.params()) {
            if (p.type() != null) {
                out.add(p.type());
            }
        }
        TypeDef d = t.def();
        if (d instanceof TypeDef.Composite c) {
            c.fields().forEach(f -> out.add(f.type()));
        } else if (d instanceof TypeDef.Variant v) {
            v.variants().forEach(x -> x.fields().forEach(f -> out.add(f.type())));
        } else if (d instanceof TypeDef.Sequence s) {
            out.add(s.type());
        } else if (d instanceof TypeDef.Array a) {
            out.add(a.type());
        } else if (d instanceof TypeDef.Tuple tu) {
            out.addAll(tu.types());
        } else if (d instanceof TypeDef.Compact c) {
            out.add(c.type());
        } else if (d instanceof TypeDef.BitSequence b) {
            out.add(b.storeType());
            out.add(b.orderType());
        }
        return out;
    }
}

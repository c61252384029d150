package org.hamster.metadata;

import java.util.List;
import java.util.Objects;
import org.hamster.chain.spi.meta.Ty;

/** scale-info's {@code TypeDef} in portable form: children are registry ids. Encoding tag = record order. */
public sealed interface TypeDef {
    /** 0: a struct. */
    record Composite(List<PortableField> fields) implements TypeDef {
        public Composite {
            fields = List.copyOf(fields);
        }
    }

    /** 1: an enum. */
    record Variant(List<PortableVariant> variants) implements TypeDef {
        public Variant {
            variants = List.copyOf(variants);
        }

        /** The variant with index {@code index}, or null. */
        public PortableVariant byIndex(int index) {
            for (PortableVariant v : variants) {
                if (v.index() == index) {
                    return v;
                }
            }
            return null;
        }

        /** The variant named {@code name}, or null. */
        public PortableVariant byName(String name) {
            for (PortableVariant v : variants) {
                if (v.name().equals(name)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** 2: {@code Vec<T>}. */
    record Sequence(int type) implements TypeDef {
    }

    /** 3: {@code [T; len]}. */
    record Array(int len, int type) implements TypeDef {
        public Array {
            if (len < 0) {
                throw new IllegalArgumentException("negative array length " + len);
            }
        }
    }

    /** 4: {@code (A, B, ...)}. */
    record Tuple(List<Integer> types) implements TypeDef {
        public Tuple {
            types = List.copyOf(types);
        }
    }

    /** 5: a primitive. */
    record Primitive(Ty.Kind kind) implements TypeDef {
        public Primitive {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** 6: {@code Compact<T>}. */
    record Compact(int type) implements TypeDef {
    }

    /** 7: a bit sequence ({@code bitvec::BitVec<Store, Order>}). */
    record BitSequence(int storeType, int orderType) implements TypeDef {
    }

    /** A field of a composite or variant: name null when unnamed, {@code typeName} the Rust type as written. */
    record PortableField(String name, int type, String typeName, List<String> docs) {
        public PortableField {
            docs = List.copyOf(docs);
        }
    }

    /** One variant of an enum. */
    record PortableVariant(String name, List<PortableField> fields, int index, List<String> docs) {
        public PortableVariant {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
            docs = List.copyOf(docs);
        }
    }
}

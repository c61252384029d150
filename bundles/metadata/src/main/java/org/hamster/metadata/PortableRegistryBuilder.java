package org.hamster.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.metadata.TypeDef.PortableField;
import org.hamster.metadata.TypeDef.PortableVariant;

/**
 * Builds a portable registry from structural {@link Ty} descriptions, as scale-info's registry does: equal
 * descriptions get one id, ids are given in first-encounter order (a type gets its id before its parameters and
 * fields do). A {@link Ty.Ref} is a named runtime-level type: {@link #define} gives its description, before or
 * after its first use (the id is reserved at first use and filled by the definition), so the outer call enum can
 * hold Sudo's call, which holds the outer call enum.
 *
 * <p>Rules it enforces (IllegalArgumentException naming the type): a composite or variant has a path; a
 * composite's fields, and each variant's fields, are all named or all unnamed, with distinct names; variant names
 * are distinct; two different types never share a path and parameters (polkadot.js names types after them); every
 * used Ref is defined. Not thread-safe.
 */
public final class PortableRegistryBuilder {
    private final Map<Ty, Integer> interned = new HashMap<>();
    private final Map<String, Ty> definitions = new HashMap<>();
    private final Map<String, Integer> refIds = new HashMap<>();
    private final List<PortableType> slots = new ArrayList<>();

    /** Gives the runtime-level type named {@code name} (used as {@code new Ty.Ref(name)}) its description. */
    public PortableRegistryBuilder define(String name, Ty type) {
        if (type instanceof Ty.Ref) {
            throw new IllegalArgumentException("Ref " + name + " cannot be defined as another Ref " + type);
        }
        if (definitions.putIfAbsent(name, type) != null) {
            throw new IllegalArgumentException("Ref " + name + " defined twice");
        }
        Integer reserved = refIds.get(name);
        if (reserved != null) {
            Integer existing = interned.putIfAbsent(type, reserved);
            if (existing != null) {
                throw new IllegalArgumentException("Ref " + name + " was used before its definition, which is "
                        + "already type " + existing + ": define it before using either");
            }
            slots.set(reserved, convert(reserved, type));
        }
        return this;
    }

    /** The id of {@code type}, adding it (and everything it refers to) when it is new. */
    public int id(Ty type) {
        if (type instanceof Ty.Ref ref) {
            Integer known = refIds.get(ref.name());
            if (known != null) {
                return known;
            }
            Ty def = definitions.get(ref.name());
            if (def == null) {
                int id = slots.size();
                slots.add(null);
                refIds.put(ref.name(), id);
                return id;
            }
            int id = id(def);
            refIds.put(ref.name(), id);
            return id;
        }
        Integer known = interned.get(type);
        if (known != null) {
            return known;
        }
        int id = slots.size();
        slots.add(null);
        interned.put(type, id);
        slots.set(id, convert(id, type));
        return id;
    }

    /** The registry; IllegalArgumentException when a used Ref was never defined or two types collide. */
    public PortableRegistry build() {
        List<String> undefined = new ArrayList<>();
        refIds.forEach((name, id) -> {
            if (slots.get(id) == null) {
                undefined.add(name);
            }
        });
        if (!undefined.isEmpty()) {
            throw new IllegalArgumentException("Ty.Ref used but never defined: " + undefined);
        }
        checkDistinctNames();
        return new PortableRegistry(slots);
    }

    private PortableType convert(int id, Ty type) {
        if (type instanceof Ty.Prim p) {
            return unnamed(id, new TypeDef.Primitive(p.kind()));
        }
        if (type instanceof Ty.Compact c) {
            if (!(c.of() instanceof Ty.Prim p) || !isUnsigned(p.kind())) {
                throw new IllegalArgumentException("Compact of " + c.of() + ": only unsigned integers are compact");
            }
            return unnamed(id, new TypeDef.Compact(id(c.of())));
        }
        if (type instanceof Ty.Seq s) {
            return unnamed(id, new TypeDef.Sequence(id(s.of())));
        }
        if (type instanceof Ty.Arr a) {
            return unnamed(id, new TypeDef.Array(a.len(), id(a.of())));
        }
        if (type instanceof Ty.Tuple t) {
            List<Integer> ids = new ArrayList<>();
            for (Ty e : t.elements()) {
                ids.add(id(e));
            }
            return unnamed(id, new TypeDef.Tuple(ids));
        }
        if (type instanceof Ty.Composite c) {
            requirePath(c.path(), "composite", c.fields());
            List<PortableType.Param> params = params(c.params());
            List<PortableField> fields = fields(c.path(), c.fields());
            return new PortableType(id, c.path(), params, new TypeDef.Composite(fields), c.docs());
        }
        if (type instanceof Ty.Variant v) {
            requirePath(v.path(), "variant", v.variants());
            List<PortableType.Param> params = params(v.params());
            Set<String> names = new HashSet<>();
            List<PortableVariant> variants = new ArrayList<>();
            for (Ty.Case c : v.variants()) {
                if (!names.add(c.name())) {
                    throw new IllegalArgumentException(String.join("::", v.path()) + ": variant name " + c.name()
                            + " twice");
                }
                variants.add(new PortableVariant(c.name(), fields(v.path(), c.fields()), c.index(), c.docs()));
            }
            return new PortableType(id, v.path(), params, new TypeDef.Variant(variants), v.docs());
        }
        throw new IllegalArgumentException("unsupported type description " + type);
    }

    private List<PortableType.Param> params(List<Ty.Param> params) {
        List<PortableType.Param> out = new ArrayList<>();
        for (Ty.Param p : params) {
            out.add(new PortableType.Param(p.name(), p.type() == null ? null : id(p.type())));
        }
        return out;
    }

    private List<PortableField> fields(List<String> owner, List<Ty.Field> fields) {
        long named = fields.stream().filter(f -> f.name() != null).count();
        if (named != 0 && named != fields.size()) {
            throw new IllegalArgumentException(String.join("::", owner) + ": fields must be all named or all "
                    + "unnamed: " + fields);
        }
        Set<String> names = new HashSet<>();
        List<PortableField> out = new ArrayList<>();
        for (Ty.Field f : fields) {
            if (f.name() != null && !names.add(f.name())) {
                throw new IllegalArgumentException(String.join("::", owner) + ": field " + f.name() + " twice");
            }
            out.add(new PortableField(f.name(), id(f.type()), f.typeName(), f.docs()));
        }
        return out;
    }

    /** Two types with one path and the same parameters would be one name to polkadot.js. */
    private void checkDistinctNames() {
        Map<List<Object>, PortableType> seen = new HashMap<>();
        for (PortableType t : slots) {
            if (t.path().isEmpty()) {
                continue;
            }
            PortableType other = seen.putIfAbsent(List.of(t.path(), t.params()), t);
            if (other != null) {
                throw new IllegalArgumentException("two different types at path " + t.pathString() + " with "
                        + "parameters " + t.params() + " (ids " + other.id() + " and " + t.id() + "): describe a "
                        + "type once (a shared constant) or give each its own path: " + other.def() + " vs "
                        + t.def());
            }
        }
    }

    private static void requirePath(List<String> path, String what, Object content) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " needs a path (crate::module::Name): " + content);
        }
    }

    private static PortableType unnamed(int id, TypeDef def) {
        return new PortableType(id, List.of(), List.of(), def, List.of());
    }

    private static boolean isUnsigned(Ty.Kind k) {
        return switch (k) {
            case U8, U16, U32, U64, U128, U256 -> true;
            default -> false;
        };
    }
}

package org.hamster.chain.testkit;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hamster.chain.spi.meta.Ty;

/**
 * Walks a sample value along its metadata type and checks every Java enum met on the way as a whole: each
 * constant is the variant at its ordinal (what the codecs write), by name. A sample holds one constant of each
 * enum; this catches swapped or missing variants the sample does not show.
 */
final class EnumCheck {
    private final Consumer<String> problems;

    EnumCheck(Consumer<String> problems) {
        this.problems = problems;
    }

    void walk(String where, Object java, Ty type) {
        if (java == null || type == null) {
            return;
        }
        if (java instanceof Enum<?> e && type instanceof Ty.Variant v && !isOption(v)) {
            check(where, e.getDeclaringClass(), v);
        } else if (type instanceof Ty.Variant v && isOption(v) && v.variant(1) != null) {
            walk(where, java, v.variant(1).fields().get(0).type());
        } else if (java instanceof Record r && fieldTypes(type) != null) {
            List<Ty> types = fieldTypes(type);
            RecordComponent[] components = r.getClass().getRecordComponents();
            if (types.size() == components.length) {
                for (int i = 0; i < components.length; i++) {
                    walk(where + "." + components[i].getName(), get(components[i], r), types.get(i));
                }
            }
        } else if (java instanceof List<?> l && type instanceof Ty.Seq s) {
            l.forEach(x -> walk(where + "[]", x, s.of()));
        }
    }

    void check(String where, Class<?> e, Ty.Variant v) {
        Object[] constants = e.getEnumConstants();
        if (constants.length != v.variants().size()) {
            problems.accept(where + ": enum " + e.getSimpleName() + " has " + constants.length + " constants, "
                    + String.join("::", v.path()) + " " + v.variants().size() + " variants");
        }
        for (Object o : constants) {
            Enum<?> c = (Enum<?>) o;
            Ty.Case k = v.variant(c.ordinal());
            if (k == null || !normal(k.name()).equals(normal(c.name()))) {
                problems.accept(where + ": " + e.getSimpleName() + "." + c.name() + " is written as " + c.ordinal()
                        + ", the metadata's variant " + c.ordinal() + " is " + (k == null ? "missing" : k.name()));
            }
        }
    }

    private static List<Ty> fieldTypes(Ty type) {
        if (type instanceof Ty.Composite c) {
            return c.fields().stream().map(Ty.Field::type).toList();
        } else if (type instanceof Ty.Tuple t) {
            return t.elements();
        }
        return null;
    }

    private static boolean isOption(Ty.Variant v) {
        return v.path().equals(List.of("Option"));
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String normal(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}

package org.hamster.chain.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleReader;

/**
 * Decodes SCALE bytes by a metadata {@link Ty} alone, independent of the pallets' codecs: unsigned integers and
 * compacts as BigInteger, {@code Vec<u8>}/{@code [u8; n]} as byte[], str as String, other sequences, arrays and
 * tuples as List, structs as a name-ordered Map (unnamed fields: List), enums as {@link Value}.
 */
final class TyDecoder {
    /** A decoded enum value. */
    record Value(String name, int index, List<Object> fields) {
    }

    private static final Ty U8 = new Ty.Prim(Ty.Kind.U8);
    private final Map<String, Ty> refs;

    TyDecoder(Map<String, Ty> refs) {
        this.refs = refs;
    }

    Object decode(Ty type, ScaleReader r) {
        if (type instanceof Ty.Prim p) {
            return primitive(p.kind(), r);
        } else if (type instanceof Ty.Compact) {
            return r.compactBig();
        } else if (type instanceof Ty.Seq s) {
            return s.of().equals(U8) ? r.vecBytes() : list(s.of(), r.compactLength(), r);
        } else if (type instanceof Ty.Arr a) {
            return a.of().equals(U8) ? r.bytes(a.len()) : list(a.of(), a.len(), r);
        } else if (type instanceof Ty.Tuple t) {
            List<Object> out = new ArrayList<>();
            for (Ty e : t.elements()) {
                out.add(decode(e, r));
            }
            return out;
        } else if (type instanceof Ty.Composite c) {
            return fields(c.fields(), r);
        } else if (type instanceof Ty.Variant v) {
            int index = r.u8();
            Ty.Case c = v.variant(index);
            if (c == null) {
                throw new IllegalArgumentException("no variant " + index + " in " + String.join("::", v.path()));
            }
            Object f = fields(c.fields(), r);
            return new Value(c.name(), index, f instanceof Map<?, ?> m ? new ArrayList<>(m.values()) : castList(f));
        }
        Ty.Ref ref = (Ty.Ref) type;
        Ty t = refs.get(ref.name());
        if (t == null) {
            throw new IllegalArgumentException("unresolved type reference " + ref.name());
        }
        return decode(t, r);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    private Object fields(List<Ty.Field> fields, ScaleReader r) {
        boolean named = !fields.isEmpty() && fields.get(0).name() != null;
        if (named) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Ty.Field f : fields) {
                out.put(f.name(), decode(f.type(), r));
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (Ty.Field f : fields) {
            out.add(decode(f.type(), r));
        }
        return out;
    }

    private List<Object> list(Ty element, int n, ScaleReader r) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(decode(element, r));
        }
        return out;
    }

    private static Object primitive(Ty.Kind kind, ScaleReader r) {
        switch (kind) {
            case BOOL:
                return r.bool();
            case STR:
                return r.string();
            case U8:
                return BigInteger.valueOf(r.u8());
            case U16:
                return BigInteger.valueOf(r.u16());
            case U32:
                return BigInteger.valueOf(r.u32());
            case U64:
                return new BigInteger(1, reverse(r.bytes(8)));
            case U128:
                return r.u128();
            case U256:
                return new BigInteger(1, reverse(r.bytes(32)));
            default:
                throw new IllegalArgumentException("no decoder for primitive " + kind);
        }
    }

    private static byte[] reverse(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return be;
    }
}

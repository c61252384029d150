package org.hamster.metadata.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleWriter;
import org.hamster.metadata.PortableRegistry;
import org.hamster.metadata.PortableType;
import org.hamster.metadata.TypeDef;
import org.hamster.metadata.TypeDef.PortableField;
import org.hamster.metadata.TypeDef.PortableVariant;
import org.hamster.metadata.Value;

/** Encodes a {@link Value} by registry type; a value that does not fit its type is an IllegalArgumentException. */
public final class ValueEncoder {
    private final PortableRegistry registry;

    public ValueEncoder(PortableRegistry registry) {
        this.registry = registry;
    }

    public void encode(int typeId, Value v, ScaleWriter w) {
        PortableType t = registry.type(typeId);
        TypeDef d = t.def();
        if (d instanceof TypeDef.Composite c) {
            fields(t, c.fields(), as(Value.Composite.class, v, t).fields(), w);
        } else if (d instanceof TypeDef.Variant vd) {
            Value.Variant x = as(Value.Variant.class, v, t);
            PortableVariant pv = vd.byIndex(x.index());
            if (pv == null || !pv.name().equals(x.name())) {
                throw new IllegalArgumentException(t + " has no variant " + x.name() + " at index " + x.index());
            }
            w.u8(x.index());
            fields(t, pv.fields(), x.fields(), w);
        } else if (d instanceof TypeDef.Sequence s) {
            w.compact(count(s.type(), v, t));
            elements(s.type(), v, w);
        } else if (d instanceof TypeDef.Array a) {
            int n = count(a.type(), v, t);
            if (n != a.len()) {
                throw new IllegalArgumentException(t + " holds " + a.len() + " elements, the value " + n);
            }
            elements(a.type(), v, w);
        } else if (d instanceof TypeDef.Tuple tu) {
            List<Value> items = as(Value.Seq.class, v, t).items();
            if (items.size() != tu.types().size()) {
                throw new IllegalArgumentException(t + " has " + tu.types().size() + " elements, the value "
                        + items.size());
            }
            for (int i = 0; i < items.size(); i++) {
                encode(tu.types().get(i), items.get(i), w);
            }
        } else if (d instanceof TypeDef.Primitive p) {
            primitive(p.kind(), v, t, w);
        } else if (d instanceof TypeDef.Compact c) {
            compact(registry.type(c.type()), v, w);
        } else if (d instanceof TypeDef.BitSequence b) {
            Value.Bits bits = as(Value.Bits.class, v, t);
            int storeBytes = BitStore.bytes(registry, b.storeType());
            long words = (bits.bits() + storeBytes * 8L - 1) / (storeBytes * 8L);
            if (bits.raw().length != words * storeBytes) {
                throw new IllegalArgumentException(bits.bits() + " bits need " + words * storeBytes + " bytes");
            }
            w.compact(bits.bits()).bytes(bits.raw());
        } else {
            throw new IllegalStateException("unknown type definition " + d);
        }
    }

    private void fields(PortableType t, List<PortableField> def, List<Value.Field> values, ScaleWriter w) {
        if (def.size() != values.size()) {
            throw new IllegalArgumentException(t + " has " + def.size() + " fields, the value " + values.size());
        }
        for (int i = 0; i < def.size(); i++) {
            encode(def.get(i).type(), values.get(i).value(), w);
        }
    }

    private int count(int elementType, Value v, PortableType t) {
        if (v instanceof Value.Bytes b && ValueDecoder.isU8(registry, elementType)) {
            return b.value().length;
        }
        return as(Value.Seq.class, v, t).items().size();
    }

    private void elements(int elementType, Value v, ScaleWriter w) {
        if (v instanceof Value.Bytes b) {
            w.bytes(b.value());
            return;
        }
        for (Value item : ((Value.Seq) v).items()) {
            encode(elementType, item, w);
        }
    }

    private static void primitive(Ty.Kind k, Value v, PortableType t, ScaleWriter w) {
        switch (k) {
            case BOOL -> w.bool(as(Value.Bool.class, v, t).value());
            case CHAR -> w.u32(as(Value.Char.class, v, t).codePoint());
            case STR -> w.vecBytes(as(Value.Str.class, v, t).value().getBytes(StandardCharsets.UTF_8));
            default -> Ints.write(w, k, as(Value.Int.class, v, t).value());
        }
    }

    private void compact(PortableType inner, Value v, ScaleWriter w) {
        TypeDef d = inner.def();
        if (d instanceof TypeDef.Primitive p && Ints.width(p.kind()) > 0 && !Ints.signed(p.kind())) {
            java.math.BigInteger x = as(Value.Int.class, v, inner).value();
            Ints.checkRange(p.kind(), x);
            w.compact(x);
        } else if (d instanceof TypeDef.Composite c && c.fields().size() == 1) {
            List<Value.Field> f = as(Value.Composite.class, v, inner).fields();
            if (f.size() != 1) {
                throw new IllegalArgumentException(inner + " wraps one field, the value has " + f.size());
            }
            compact(registry.type(c.fields().get(0).type()), f.get(0).value(), w);
        } else if (!(d instanceof TypeDef.Tuple tu && tu.types().isEmpty())) {
            throw new IllegalArgumentException("type " + inner.id() + " cannot be compact: " + d);
        }
    }

    private static <V extends Value> V as(Class<V> kind, Value v, PortableType t) {
        if (!kind.isInstance(v)) {
            throw new IllegalArgumentException("type " + t + " needs a " + kind.getSimpleName() + ", got " + v);
        }
        return kind.cast(v);
    }
}

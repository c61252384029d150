package org.hamster.metadata.internal;

import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.metadata.PortableRegistry;
import org.hamster.metadata.PortableType;
import org.hamster.metadata.TypeDef;
import org.hamster.metadata.TypeDef.PortableField;
import org.hamster.metadata.TypeDef.PortableVariant;
import org.hamster.metadata.Value;

/** Decodes SCALE by registry type; malformed input (or nesting deeper than the limit) is a ScaleException. */
public final class ValueDecoder {
    private final PortableRegistry registry;
    private final int maxDepth;
    private int depth;

    public ValueDecoder(PortableRegistry registry, int maxDepth) {
        this.registry = registry;
        this.maxDepth = maxDepth;
    }

    public Value decode(int typeId, ScaleReader r) {
        if (++depth > maxDepth) {
            throw new ScaleException("value nested deeper than " + maxDepth);
        }
        try {
            return decode(registry.type(typeId), r);
        } finally {
            depth--;
        }
    }

    private Value decode(PortableType t, ScaleReader r) {
        TypeDef d = t.def();
        if (d instanceof TypeDef.Composite c) {
            return new Value.Composite(fields(c.fields(), r));
        }
        if (d instanceof TypeDef.Variant v) {
            int index = r.u8();
            PortableVariant pv = v.byIndex(index);
            if (pv == null) {
                throw new ScaleException("no variant " + index + " in " + t.pathString() + " (type " + t.id() + ")");
            }
            return new Value.Variant(pv.name(), index, fields(pv.fields(), r));
        }
        if (d instanceof TypeDef.Sequence s) {
            return elements(s.type(), r.compactLength(), r);
        }
        if (d instanceof TypeDef.Array a) {
            return elements(a.type(), a.len(), r);
        }
        if (d instanceof TypeDef.Tuple tu) {
            List<Value> items = new ArrayList<>(tu.types().size());
            for (int id : tu.types()) {
                items.add(decode(id, r));
            }
            return new Value.Seq(items);
        }
        if (d instanceof TypeDef.Primitive p) {
            return primitive(p.kind(), r);
        }
        if (d instanceof TypeDef.Compact c) {
            return compact(registry.type(c.type()), r);
        }
        if (d instanceof TypeDef.BitSequence b) {
            int storeBytes = BitStore.bytes(registry, b.storeType());
            long bits = r.compactLong();
            long words = (bits + storeBytes * 8L - 1) / (storeBytes * 8L);
            if (words * storeBytes > r.remaining()) {
                throw new ScaleException("bit sequence of " + bits + " bits exceeds the input");
            }
            return new Value.Bits((int) bits, r.bytes((int) (words * storeBytes)));
        }
        throw new IllegalStateException("unknown type definition " + d);
    }

    private List<Value.Field> fields(List<PortableField> fields, ScaleReader r) {
        List<Value.Field> out = new ArrayList<>(fields.size());
        for (PortableField f : fields) {
            out.add(new Value.Field(f.name(), decode(f.type(), r)));
        }
        return out;
    }

    private Value elements(int elementType, int n, ScaleReader r) {
        if (isU8(registry, elementType)) {
            return new Value.Bytes(r.bytes(n));
        }
        List<Value> items = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            items.add(decode(elementType, r));
        }
        return new Value.Seq(items);
    }

    private static Value primitive(Ty.Kind k, ScaleReader r) {
        return switch (k) {
            case BOOL -> new Value.Bool(r.bool());
            case CHAR -> {
                long cp = r.u32();
                if (cp > Character.MAX_CODE_POINT || (cp >= 0xd800 && cp <= 0xdfff)) {
                    throw new ScaleException("invalid char " + cp);
                }
                yield new Value.Char((int) cp);
            }
            case STR -> new Value.Str(r.string());
            default -> new Value.Int(Ints.read(r, k));
        };
    }

    /** {@code Compact<T>}: T an unsigned integer, a newtype around one, or {@code ()}. */
    private Value compact(PortableType inner, ScaleReader r) {
        TypeDef d = inner.def();
        if (d instanceof TypeDef.Primitive p && Ints.width(p.kind()) > 0 && !Ints.signed(p.kind())) {
            return new Value.Int(Ints.readCompact(r, p.kind()));
        }
        if (d instanceof TypeDef.Composite c && c.fields().size() == 1) {
            PortableField f = c.fields().get(0);
            return new Value.Composite(List.of(new Value.Field(f.name(), compact(registry.type(f.type()), r))));
        }
        if (d instanceof TypeDef.Tuple t && t.types().isEmpty()) {
            return new Value.Seq(List.of());
        }
        throw new ScaleException("type " + inner.id() + " cannot be compact: " + d);
    }

    static boolean isU8(PortableRegistry registry, int typeId) {
        return registry.type(typeId).def() instanceof TypeDef.Primitive p && p.kind() == Ty.Kind.U8;
    }
}

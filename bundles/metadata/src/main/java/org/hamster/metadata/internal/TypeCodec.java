package org.hamster.metadata.internal;

import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.metadata.PortableType;
import org.hamster.metadata.TypeDef;
import org.hamster.metadata.TypeDef.PortableField;
import org.hamster.metadata.TypeDef.PortableVariant;

/** SCALE layout of scale-info's portable types ({@code PortableType = Compact id ++ Type}). */
public final class TypeCodec {
    private static final Ty.Kind[] KINDS = Ty.Kind.values();

    private TypeCodec() {
    }

    public static void encode(ScaleWriter w, PortableType t) {
        w.compact(t.id());
        w.vec(t.path(), ScaleWriter::string);
        w.vec(t.params(), (x, p) -> x.string(p.name()).option(p.type(), (y, id) -> y.compact(id)));
        def(w, t.def());
        docs(w, t.docs());
    }

    public static PortableType decode(ScaleReader r) {
        int id = MetadataCodec.id(r);
        List<String> path = r.vec(ScaleReader::string);
        List<PortableType.Param> params = r.vec(x -> new PortableType.Param(x.string(), x.option(MetadataCodec::id)));
        TypeDef def = def(r);
        return new PortableType(id, path, params, def, r.vec(ScaleReader::string));
    }

    static void docs(ScaleWriter w, List<String> docs) {
        w.vec(docs, ScaleWriter::string);
    }

    private static void def(ScaleWriter w, TypeDef d) {
        if (d instanceof TypeDef.Composite c) {
            w.u8(0).vec(c.fields(), TypeCodec::field);
        } else if (d instanceof TypeDef.Variant v) {
            w.u8(1).vec(v.variants(), (x, c) -> {
                x.string(c.name()).vec(c.fields(), TypeCodec::field).u8(c.index());
                docs(x, c.docs());
            });
        } else if (d instanceof TypeDef.Sequence s) {
            w.u8(2).compact(s.type());
        } else if (d instanceof TypeDef.Array a) {
            w.u8(3).u32(a.len()).compact(a.type());
        } else if (d instanceof TypeDef.Tuple t) {
            w.u8(4).vec(t.types(), (x, id) -> x.compact(id));
        } else if (d instanceof TypeDef.Primitive p) {
            w.u8(5).u8(p.kind().ordinal());
        } else if (d instanceof TypeDef.Compact c) {
            w.u8(6).compact(c.type());
        } else if (d instanceof TypeDef.BitSequence b) {
            w.u8(7).compact(b.storeType()).compact(b.orderType());
        } else {
            throw new IllegalArgumentException("unknown type definition " + d);
        }
    }

    private static TypeDef def(ScaleReader r) {
        int tag = r.u8();
        return switch (tag) {
            case 0 -> new TypeDef.Composite(r.vec(TypeCodec::field));
            case 1 -> new TypeDef.Variant(r.vec(x -> new PortableVariant(x.string(), x.vec(TypeCodec::field), x.u8(),
                    x.vec(ScaleReader::string))));
            case 2 -> new TypeDef.Sequence(MetadataCodec.id(r));
            case 3 -> new TypeDef.Array(r.u32AsInt(), MetadataCodec.id(r));
            case 4 -> new TypeDef.Tuple(r.vec(MetadataCodec::id));
            case 5 -> new TypeDef.Primitive(kind(r.u8()));
            case 6 -> new TypeDef.Compact(MetadataCodec.id(r));
            case 7 -> new TypeDef.BitSequence(MetadataCodec.id(r), MetadataCodec.id(r));
            default -> throw new ScaleException("unknown TypeDef tag " + tag);
        };
    }

    private static void field(ScaleWriter w, PortableField f) {
        w.option(f.name(), ScaleWriter::string).compact(f.type()).option(f.typeName(), ScaleWriter::string);
        docs(w, f.docs());
    }

    private static PortableField field(ScaleReader r) {
        String name = r.option(ScaleReader::string);
        int type = MetadataCodec.id(r);
        String typeName = r.option(ScaleReader::string);
        return new PortableField(name, type, typeName, r.vec(ScaleReader::string));
    }

    private static Ty.Kind kind(int b) {
        if (b >= KINDS.length) {
            throw new ScaleException("unknown primitive " + b);
        }
        return KINDS[b];
    }
}

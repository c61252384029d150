package org.hamster.metadata.internal;

import java.util.List;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.metadata.MetadataV14;
import org.hamster.metadata.MetadataV14.ConstantMetadata;
import org.hamster.metadata.MetadataV14.ExtrinsicMetadata;
import org.hamster.metadata.MetadataV14.PalletMetadata;
import org.hamster.metadata.MetadataV14.SignedExtensionMetadata;
import org.hamster.metadata.MetadataV14.StorageEntry;
import org.hamster.metadata.MetadataV14.StorageMetadata;
import org.hamster.metadata.PortableRegistry;
import org.hamster.metadata.PortableType;

/**
 * SCALE layout of {@code RuntimeMetadataPrefixed} holding V14 (frame-metadata's v14.rs). Hashers are written as
 * their {@link Hasher} ordinal, which is frame-metadata's {@code StorageHasher} order; modifiers likewise
 * (Optional 0, Default 1).
 */
public final class MetadataCodec {
    private static final Hasher[] HASHERS = Hasher.values();
    private static final Modifier[] MODIFIERS = Modifier.values();

    private MetadataCodec() {
    }

    public static byte[] encode(MetadataV14 m) {
        ScaleWriter w = new ScaleWriter(64 * 1024);
        w.u32(MetadataV14.MAGIC).u8(MetadataV14.VERSION);
        w.vec(m.types().types(), TypeCodec::encode);
        w.vec(m.pallets(), MetadataCodec::pallet);
        ExtrinsicMetadata x = m.extrinsic();
        w.compact(x.type()).u8(x.version());
        w.vec(x.signedExtensions(), (y, e) -> y.string(e.identifier()).compact(e.type()).compact(e.additionalSigned()));
        w.compact(m.runtimeType());
        return w.toByteArray();
    }

    public static MetadataV14 decode(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        long magic = r.u32();
        if (magic != MetadataV14.MAGIC) {
            throw new ScaleException(String.format("not metadata: magic 0x%08x, expected 0x%08x (\"meta\")", magic,
                    MetadataV14.MAGIC));
        }
        int version = r.u8();
        if (version != MetadataV14.VERSION) {
            throw new ScaleException("metadata version " + version + ", expected " + MetadataV14.VERSION);
        }
        List<PortableType> types = r.vec(TypeCodec::decode);
        PortableRegistry registry;
        try {
            registry = new PortableRegistry(types);
        } catch (IllegalArgumentException e) {
            throw new ScaleException("malformed type registry: " + e.getMessage());
        }
        List<PalletMetadata> pallets = r.vec(MetadataCodec::pallet);
        int xtType = id(r);
        int xtVersion = r.u8();
        List<SignedExtensionMetadata> exts = r.vec(x -> new SignedExtensionMetadata(x.string(), id(x), id(x)));
        int runtime = id(r);
        r.expectEnd();
        return new MetadataV14(registry, pallets, new ExtrinsicMetadata(xtType, xtVersion, exts), runtime);
    }

    /** A type id: {@code Compact<u32>}. */
    static int id(ScaleReader r) {
        long v = r.compactLong();
        if (v > Integer.MAX_VALUE) {
            throw new ScaleException("type id " + v + " out of range");
        }
        return (int) v;
    }

    private static void pallet(ScaleWriter w, PalletMetadata p) {
        w.string(p.name());
        w.option(p.storage(), (x, s) -> x.string(s.prefix()).vec(s.entries(), MetadataCodec::entry));
        w.option(p.calls(), (x, id) -> x.compact(id));
        w.option(p.event(), (x, id) -> x.compact(id));
        w.vec(p.constants(), (x, c) -> {
            x.string(c.name()).compact(c.type()).vecBytes(c.value());
            TypeCodec.docs(x, c.docs());
        });
        w.option(p.error(), (x, id) -> x.compact(id));
        w.u8(p.index());
    }

    private static PalletMetadata pallet(ScaleReader r) {
        String name = r.string();
        StorageMetadata storage = r.option(x -> new StorageMetadata(x.string(), x.vec(MetadataCodec::entry)));
        Integer calls = r.option(MetadataCodec::id);
        Integer event = r.option(MetadataCodec::id);
        List<ConstantMetadata> constants = r.vec(x -> new ConstantMetadata(x.string(), id(x), x.vecBytes(),
                x.vec(ScaleReader::string)));
        Integer error = r.option(MetadataCodec::id);
        return new PalletMetadata(name, storage, calls, event, constants, error, r.u8());
    }

    private static void entry(ScaleWriter w, StorageEntry e) {
        w.string(e.name()).u8(e.modifier().ordinal());
        if (e.key() == null) {
            w.u8(0).compact(e.value());
        } else {
            w.u8(1).vec(e.hashers(), (x, h) -> x.u8(h.ordinal())).compact(e.key()).compact(e.value());
        }
        w.vecBytes(e.defaultValue());
        TypeCodec.docs(w, e.docs());
    }

    private static StorageEntry entry(ScaleReader r) {
        String name = r.string();
        Modifier modifier = MODIFIERS[bounded(r.u8(), MODIFIERS.length, "storage modifier")];
        int tag = r.u8();
        List<Hasher> hashers = List.of();
        Integer key = null;
        int value;
        if (tag == 0) {
            value = id(r);
        } else if (tag == 1) {
            hashers = r.vec(x -> HASHERS[bounded(x.u8(), HASHERS.length, "storage hasher")]);
            if (hashers.isEmpty()) {
                throw new ScaleException("storage map " + name + " without hashers");
            }
            key = id(r);
            value = id(r);
        } else {
            throw new ScaleException("unknown storage entry type " + tag + " for " + name);
        }
        return new StorageEntry(name, modifier, hashers, key, value, r.vecBytes(), r.vec(ScaleReader::string));
    }

    private static int bounded(int v, int limit, String what) {
        if (v >= limit) {
            throw new ScaleException("unknown " + what + " " + v);
        }
        return v;
    }
}

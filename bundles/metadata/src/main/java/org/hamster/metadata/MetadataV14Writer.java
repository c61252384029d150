package org.hamster.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleException;
import org.hamster.metadata.MetadataV14.ConstantMetadata;
import org.hamster.metadata.MetadataV14.ExtrinsicMetadata;
import org.hamster.metadata.MetadataV14.PalletMetadata;
import org.hamster.metadata.MetadataV14.SignedExtensionMetadata;
import org.hamster.metadata.MetadataV14.StorageEntry;
import org.hamster.metadata.MetadataV14.StorageMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a runtime's Metadata V14 from its pallets' descriptions: the portable registry (with the runtime-level
 * types of {@link RuntimeTypes}), the pallets in index order, the extrinsic and the runtime type. Every constant
 * value and every DEFAULT storage default must decode exactly as its type (IllegalArgumentException naming it);
 * an OPTIONAL entry's default is None ({@code [0x00]}; an empty default is written as that).
 */
public final class MetadataV14Writer {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataV14Writer.class);
    private static final byte[] NONE = {0};

    private MetadataV14Writer() {
    }

    /** The metadata bytes: "meta", 14, then the metadata. */
    public static byte[] write(List<IndexedPallet> pallets) {
        return build(pallets).encode();
    }

    /** The metadata model of a runtime made of {@code pallets} (any order; written in index order). */
    public static MetadataV14 build(List<IndexedPallet> pallets) {
        List<IndexedPallet> ordered = new ArrayList<>(pallets);
        ordered.sort(Comparator.comparingInt(IndexedPallet::index));
        checkDistinct(ordered);
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        b.define(refName(StdTypes.RUNTIME_CALL), RuntimeTypes.runtimeCall(ordered));
        b.define(refName(StdTypes.RUNTIME_EVENT), RuntimeTypes.runtimeEvent(ordered));
        List<PalletMetadata> out = new ArrayList<>();
        for (IndexedPallet p : ordered) {
            out.add(pallet(b, p));
        }
        b.id(StdTypes.RUNTIME_EVENT); // registered even when no storage entry refers to it, for tools to find
        List<SignedExtensionMetadata> exts = new ArrayList<>();
        int xt = b.id(RuntimeTypes.UNCHECKED_EXTRINSIC);
        for (RuntimeTypes.SignedExtension e : RuntimeTypes.SIGNED_EXTENSIONS) {
            exts.add(new SignedExtensionMetadata(e.identifier(), b.id(e.type()), b.id(e.additionalSigned())));
        }
        int runtime = b.id(RuntimeTypes.RUNTIME);
        MetadataV14 m = new MetadataV14(b.build(), out,
                new ExtrinsicMetadata(xt, RuntimeTypes.EXTRINSIC_VERSION, exts), runtime);
        checkValues(m);
        LOG.debug("Metadata V14: {} pallets, {} types", out.size(), m.types().size());
        return m;
    }

    private static PalletMetadata pallet(PortableRegistryBuilder b, IndexedPallet p) {
        PalletMeta meta = p.meta();
        StorageMetadata storage = null;
        if (!meta.storage().isEmpty()) {
            List<StorageEntry> entries = new ArrayList<>();
            for (PalletMeta.Storage s : meta.storage()) {
                entries.add(entry(b, p, s));
            }
            storage = new StorageMetadata(p.name(), entries);
        }
        Integer calls = idOrNull(b, meta.calls());
        Integer events = idOrNull(b, meta.events());
        List<ConstantMetadata> constants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PalletMeta.Constant c : meta.constants()) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("constant " + p.name() + "." + c.name() + " declared twice");
            }
            constants.add(new ConstantMetadata(c.name(), b.id(c.type()), c.value(), c.docs()));
        }
        Integer errors = idOrNull(b, meta.errors());
        return new PalletMetadata(p.name(), storage, calls, events, constants, errors, p.index());
    }

    private static StorageEntry entry(PortableRegistryBuilder b, IndexedPallet p, PalletMeta.Storage s) {
        Integer key = s.key() == null ? null : b.id(s.key());
        int value = b.id(s.value());
        byte[] def = s.defaultValue();
        if (s.modifier() == Modifier.OPTIONAL) {
            if (def.length > 1 || (def.length == 1 && def[0] != 0)) {
                throw new IllegalArgumentException("storage " + p.name() + "." + s.name() + " is OPTIONAL: its "
                        + "default is None (0x00 or empty), not " + def.length + " other byte(s)");
            }
            def = NONE;
        }
        return new StorageEntry(s.name(), s.modifier(), s.hashers(), key, value, def, s.docs());
    }

    private static void checkValues(MetadataV14 m) {
        PortableRegistry types = m.types();
        for (PalletMetadata p : m.pallets()) {
            for (ConstantMetadata c : p.constants()) {
                check(types, c.type(), c.value(), "constant " + p.name() + "." + c.name());
            }
            if (p.storage() != null) {
                for (StorageEntry e : p.storage().entries()) {
                    if (e.modifier() == Modifier.DEFAULT) {
                        check(types, e.value(), e.defaultValue(), "default of storage " + p.name() + "." + e.name());
                    }
                }
            }
        }
    }

    private static void check(PortableRegistry types, int type, byte[] value, String what) {
        try {
            ScaleValues.decodeAll(types, type, value);
        } catch (ScaleException e) {
            throw new IllegalArgumentException(what + " does not decode as its type " + types.type(type) + ": "
                    + e.getMessage());
        }
    }

    private static void checkDistinct(List<IndexedPallet> pallets) {
        Set<Integer> indices = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (IndexedPallet p : pallets) {
            if (!indices.add(p.index())) {
                throw new IllegalArgumentException("two pallets at index " + p.index());
            }
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two pallets named " + p.name());
            }
        }
    }

    private static Integer idOrNull(PortableRegistryBuilder b, Ty t) {
        return t == null ? null : b.id(t);
    }

    private static String refName(Ty ref) {
        return ((Ty.Ref) ref).name();
    }
}

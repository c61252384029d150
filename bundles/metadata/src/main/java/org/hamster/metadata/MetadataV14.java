package org.hamster.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.metadata.internal.MetadataCodec;

/**
 * Substrate's {@code RuntimeMetadataV14} with its type registry in portable form: what {@link MetadataV14Writer}
 * builds and {@link MetadataV14Reader} parses. Type ids refer to {@link #types()}.
 */
public record MetadataV14(PortableRegistry types, List<PalletMetadata> pallets, ExtrinsicMetadata extrinsic,
        int runtimeType) {
    /** {@code META_RESERVED}: "meta" as a little-endian u32. */
    public static final int MAGIC = 0x6174656d;
    public static final int VERSION = 14;

    public MetadataV14 {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(extrinsic, "extrinsic");
        pallets = List.copyOf(pallets);
    }

    /** The pallet named {@code name}. */
    public Optional<PalletMetadata> pallet(String name) {
        return pallets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The SCALE bytes (magic, version 14, the metadata). */
    public byte[] encode() {
        return MetadataCodec.encode(this);
    }

    /** A pallet: optional storage, call, event and error enums (type ids), constants, and its index. */
    public record PalletMetadata(String name, StorageMetadata storage, Integer calls, Integer event,
            List<ConstantMetadata> constants, Integer error, int index) {
        public PalletMetadata {
            Objects.requireNonNull(name, "name");
            constants = List.copyOf(constants);
        }

        public Optional<StorageEntry> storageEntry(String item) {
            return storage == null ? Optional.empty()
                    : storage.entries().stream().filter(e -> e.name().equals(item)).findFirst();
        }

        public Optional<ConstantMetadata> constant(String constant) {
            return constants.stream().filter(c -> c.name().equals(constant)).findFirst();
        }
    }

    /** A pallet's storage: the prefix (the pallet's name) and its entries. */
    public record StorageMetadata(String prefix, List<StorageEntry> entries) {
        public StorageMetadata {
            Objects.requireNonNull(prefix, "prefix");
            entries = List.copyOf(entries);
        }
    }

    /**
     * A storage entry: plain ({@code hashers} empty, {@code key} null) or a map with one hasher per key part;
     * {@code defaultValue} is the SCALE value read when the key is absent ({@code [0x00]}, None, for OPTIONAL).
     */
    public record StorageEntry(String name, Modifier modifier, List<Hasher> hashers, Integer key, int value,
            byte[] defaultValue, List<String> docs) {
        public StorageEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(modifier, "modifier");
            hashers = List.copyOf(hashers);
            docs = List.copyOf(docs);
            defaultValue = defaultValue.clone();
            if (hashers.isEmpty() != (key == null)) {
                throw new IllegalArgumentException(name + ": a map has hashers and a key, a plain entry neither");
            }
        }

        @Override
        public byte[] defaultValue() {
            return defaultValue.clone();
        }
    }

    /** A constant: type id and SCALE value. */
    public record ConstantMetadata(String name, int type, byte[] value, List<String> docs) {
        public ConstantMetadata {
            Objects.requireNonNull(name, "name");
            value = value.clone();
            docs = List.copyOf(docs);
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** The extrinsic: its type (UncheckedExtrinsic), format version and signed extensions in order. */
    public record ExtrinsicMetadata(int type, int version, List<SignedExtensionMetadata> signedExtensions) {
        public ExtrinsicMetadata {
            signedExtensions = List.copyOf(signedExtensions);
        }
    }

    /** A signed extension: identifier, type in the extrinsic, additional-signed type in the payload. */
    public record SignedExtensionMetadata(String identifier, int type, int additionalSigned) {
        public SignedExtensionMetadata {
            Objects.requireNonNull(identifier, "identifier");
        }
    }
}

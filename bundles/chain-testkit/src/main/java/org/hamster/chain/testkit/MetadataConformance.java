package org.hamster.chain.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/**
 * Checks a pallet's {@link Pallet#metadata()} against the pallet's own codecs: what the metadata says about calls,
 * events, errors, storage and constants must decode exactly what the pallet encodes, with a generic decoder that
 * knows only the metadata types. Collects every mismatch; {@link #verify()} throws them all at once.
 * <pre>
 * MetadataConformance.of(pallet).calls(XCall.class).events(XEvent.class).errors(XError.class)
 *         .storage(XStorage.class).sample(XStorage.ITEMS, key, value).constants().verify();
 * </pre>
 * The runtime call type ({@link StdTypes#RUNTIME_CALL}) resolves to a runtime holding only System's remark, so a
 * nested call component named "call" is sampled as {@link RecordSamples#NESTED_CALL}.
 */
public final class MetadataConformance {
    private static final HexFormat HEX = HexFormat.of();
    private final Pallet pallet;
    private final PalletMeta meta;
    private final TyDecoder decoder;
    private final RecordSamples samples = new RecordSamples();
    private final Map<Class<?>, java.util.function.Function<Object, Object>> views = new HashMap<>();
    private final Values values = new Values(views);
    private final List<String> problems = new ArrayList<>();
    private final Set<String> sampledMaps = new HashSet<>();
    private final List<String> maps = new ArrayList<>();
    private final EnumCheck enums = new EnumCheck(problems::add);

    private MetadataConformance(Pallet pallet) {
        this.pallet = pallet;
        this.meta = pallet.metadata();
        if (meta == null) {
            throw new AssertionError(pallet.name() + ".metadata() is null");
        }
        Ty remark = new Ty.Variant(List.of("frame_system", "pallet", "Call"), List.of(), List.of(new Ty.Case("remark",
                List.of(new Ty.Field("remark", StdTypes.BYTES, "Vec<u8>", List.of())), 0, List.of())), List.of());
        Ty runtimeCall = new Ty.Variant(List.of("hamster_runtime", "RuntimeCall"), List.of(), List.of(
                new Ty.Case("System", List.of(new Ty.Field(null, remark, null, List.of())), 0, List.of())), List.of());
        this.decoder = new TyDecoder(Map.of("RuntimeCall", runtimeCall));
    }

    /** Starts the checks of a configured pallet. */
    public static MetadataConformance of(Pallet pallet) {
        return new MetadataConformance(pallet);
    }

    /** Uses {@code sample} for record components of {@code type} (types the sampler cannot make). */
    public <T> MetadataConformance with(Class<T> type, T sample) {
        samples.with(type, sample);
        return this;
    }

    /**
     * Compares values of {@code type} as {@code view} shows them: for Java types laid out differently from their
     * metadata type (a flat record for a nested struct: give a nested record, enums for variants).
     */
    @SuppressWarnings("unchecked")
    public <T> MetadataConformance as(Class<T> type, java.util.function.Function<T, Object> view) {
        views.put(type, java -> view.apply((T) java));
        return this;
    }

    /**
     * Every permitted record of {@code family}, sampled (or taken from {@code explicit}, for records whose
     * constructor refuses generic values), encodes to bytes the call variant at its index decodes to the same
     * values, consuming all; one variant per record and one record per variant.
     */
    public MetadataConformance calls(Class<? extends Call> family, Call... explicit) {
        Set<Integer> seen = new HashSet<>();
        for (Object sample : records(family, explicit)) {
            Call call = (Call) sample;
            ScaleWriter w = new ScaleWriter();
            call.encodeArgs(w);
            seen.add(call.callIndex());
            checkVariant("call", meta.calls(), call.callIndex(), (Record) call, w.toByteArray(), null);
        }
        checkAllVariantsSeen("call", meta.calls(), seen);
        return this;
    }

    /** As {@link #calls}, for events; the pallet's {@code skipEventFields} must skip the same bytes. */
    public MetadataConformance events(Class<? extends PalletEvent> family, PalletEvent... explicit) {
        Set<Integer> seen = new HashSet<>();
        for (Object sample : records(family, explicit)) {
            PalletEvent event = (PalletEvent) sample;
            ScaleWriter w = new ScaleWriter();
            event.encodeFields(w);
            seen.add(event.eventIndex());
            checkVariant("event", meta.events(), event.eventIndex(), (Record) event, w.toByteArray(), event);
        }
        checkAllVariantsSeen("event", meta.events(), seen);
        return this;
    }

    /** The error enum: every constant is the variant at its index, by name, and belongs to this pallet. */
    public <E extends Enum<E> & ModuleError> MetadataConformance errors(Class<E> errors) {
        if (meta.errors() == null) {
            problems.add("no error enum in the metadata");
            return this;
        }
        for (E e : errors.getEnumConstants()) {
            Ty.Case c = meta.errors().variant(e.index());
            if (c == null || !c.name().equals(e.name())) {
                problems.add("error " + e + ": variant " + e.index() + " is " + (c == null ? "missing" : c.name()));
            }
            if (!pallet.name().equals(e.pallet())) {
                problems.add("error " + e + " names pallet " + e.pallet());
            }
        }
        if (meta.errors().variants().size() != errors.getEnumConstants().length) {
            problems.add("error variants " + meta.errors().variants().size() + " vs enum constants "
                    + errors.getEnumConstants().length);
        }
        return this;
    }

    /**
     * One storage entry per public static StorageValue/StorageMap of {@code holder}, same name, same hasher (an
     * NMap's parts are all hashed within the map's own Identity key), a default that decodes by the value type.
     */
    public MetadataConformance storage(Class<?> holder) {
        Map<String, PalletMeta.Storage> entries = new HashMap<>();
        meta.storage().forEach(s -> entries.put(s.name(), s));
        Set<String> declared = new HashSet<>();
        for (Field f : holder.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object o = get(f);
            if (o instanceof StorageValue<?> v && !v.pallet().equals(pallet.name())
                    || o instanceof StorageMap<?, ?> m && !m.pallet().equals(pallet.name())) {
                continue; // another pallet's item, re-exported (Balances.ACCOUNT is System.Account)
            }
            if (o instanceof StorageValue<?> v) {
                declared.add(v.item());
                PalletMeta.Storage s = entries.get(v.item());
                if (s == null) {
                    problems.add("storage " + v.item() + " is not in the metadata");
                } else if (!s.hashers().isEmpty()) {
                    problems.add("storage " + v.item() + " is a value but the metadata says map");
                }
            } else if (o instanceof StorageMap<?, ?> m) {
                declared.add(m.item());
                maps.add(m.item());
                PalletMeta.Storage s = entries.get(m.item());
                if (s == null) {
                    problems.add("storage " + m.item() + " is not in the metadata");
                } else if (s.hashers().size() == 1 ? s.hashers().get(0) != m.hasher()
                        : s.hashers().isEmpty() || m.hasher() != Hasher.IDENTITY) {
                    problems.add("storage " + m.item() + ": hashers " + s.hashers() + " vs the map's " + m.hasher());
                }
            }
        }
        for (PalletMeta.Storage s : meta.storage()) {
            if (!declared.contains(s.name())) {
                problems.add("storage " + s.name() + " is in the metadata but not in " + holder.getSimpleName());
            }
            if (s.modifier() == PalletMeta.Modifier.OPTIONAL && !Arrays.equals(s.defaultValue(), new byte[] {0})) {
                problems.add("storage " + s.name() + ": an optional entry's default is 0x00");
            } else if (s.modifier() == PalletMeta.Modifier.DEFAULT) {
                decodeAll("storage " + s.name() + " default", s.value(), s.defaultValue());
            }
        }
        return this;
    }

    /** A map's sample: the key hashes as the metadata's hashers say, the value decodes to the same values. */
    public <K, V> MetadataConformance sample(StorageMap<K, V> map, K key, V value) {
        sampledMaps.add(map.item());
        PalletMeta.Storage s = entry(map.item());
        if (s == null || s.hashers().isEmpty()) {
            return this;
        }
        enums.walk("storage " + s.name() + " key", key, s.key());
        byte[] keyBytes = map.keyCodec().encode(key);
        byte[] hashed;
        try {
            hashed = hashKey(s, keyBytes);
        } catch (RuntimeException e) {
            problems.add("storage " + s.name() + " key " + HEX.formatHex(keyBytes) + " does not decode: " + e);
            return this;
        }
        byte[] actual = map.key(key);
        byte[] expected = concat(map.prefix(), hashed);
        if (!Arrays.equals(actual, expected)) {
            problems.add("storage " + s.name() + " key: the map hashes to " + HEX.formatHex(actual)
                    + ", the metadata to " + HEX.formatHex(expected));
        }
        checkValue(s, map.valueCodec().encode(value), value);
        return this;
    }

    /** A value's sample decodes by the value type to the same values. */
    public <V> MetadataConformance sample(StorageValue<V> v, V value) {
        PalletMeta.Storage s = entry(v.item());
        if (s != null) {
            checkValue(s, v.codec().encode(value), value);
        }
        return this;
    }

    /** Every constant's value decodes fully by its type. */
    public MetadataConformance constants() {
        Set<String> names = new HashSet<>();
        for (PalletMeta.Constant c : meta.constants()) {
            if (!names.add(c.name())) {
                problems.add("constant " + c.name() + " twice");
            }
            decodeAll("constant " + c.name(), c.type(), c.value());
        }
        return this;
    }

    /**
     * The constants are exactly the components of the pallet's configuration record, each named in PascalCase
     * with its value encoded by its Java type (int as u32, long as u64, BigInteger as u128, boolean as bool).
     */
    public MetadataConformance constantsOf(Record config) {
        Map<String, String> expected = new java.util.TreeMap<>();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            Object v;
            try {
                c.getAccessor().setAccessible(true); // configuration records are package-private
                v = c.getAccessor().invoke(config);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(e);
            }
            ScaleWriter w = new ScaleWriter();
            if (v instanceof Integer i) {
                w.u32(i);
            } else if (v instanceof Long l) {
                w.u64(l);
            } else if (v instanceof java.math.BigInteger b) {
                w.u128(b);
            } else if (v instanceof Boolean b) {
                w.bool(b);
            } else {
                problems.add("config " + c.getName() + ": no constant encoding for " + v);
                continue;
            }
            expected.put(Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1),
                    HEX.formatHex(w.toByteArray()));
        }
        Map<String, String> actual = new java.util.TreeMap<>();
        meta.constants().forEach(c -> actual.put(c.name(), HEX.formatHex(c.value())));
        if (!expected.equals(actual)) {
            problems.add("constants " + actual + " vs the configuration " + expected);
        }
        return this;
    }

    /** Throws an AssertionError listing every mismatch found, if any (and maps of {@link #storage} without sample). */
    public void verify() {
        for (String m : maps) {
            if (!sampledMaps.contains(m)) {
                problems.add("storage map " + m + " has no sample (give one with sample(map, key, value))");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(pallet.name() + " metadata does not match its codecs:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private List<Object> records(Class<?> family, Object[] explicit) {
        Map<Class<?>, Object> given = new HashMap<>();
        for (Object o : explicit) {
            given.put(o.getClass(), o);
        }
        List<Object> out = new ArrayList<>();
        Class<?>[] permitted = family.getPermittedSubclasses();
        if (permitted == null) {
            problems.add(family.getSimpleName() + " is not sealed: its records cannot be enumerated");
            return out;
        }
        for (Class<?> type : permitted) {
            try {
                out.add(given.containsKey(type) ? given.get(type) : samples.sample(type));
            } catch (RuntimeException e) {
                problems.add(type.getSimpleName() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private void checkVariant(String what, Ty.Variant type, int index, Record sample, byte[] bytes, PalletEvent event) {
        String name = what + " " + sample.getClass().getSimpleName() + " (" + index + ")";
        if (type == null) {
            problems.add(name + ": the metadata has no " + what + " enum");
            return;
        }
        Ty.Case c = type.variant(index);
        if (c == null) {
            problems.add(name + ": no variant " + index);
            return;
        }
        RecordComponent[] components = sample.getClass().getRecordComponents();
        if (c.fields().size() != components.length) {
            problems.add(name + " -> " + c.name() + ": " + c.fields().size() + " fields vs " + components.length
                    + " record components");
            return;
        }
        ScaleReader r = new ScaleReader(bytes);
        try {
            for (int i = 0; i < components.length; i++) {
                Object decoded = decoder.decode(c.fields().get(i).type(), r);
                Object java = components[i].getAccessor().invoke(sample);
                enums.walk(name + " " + components[i].getName(), java, c.fields().get(i).type());
                if (!values.matches(java, decoded)) {
                    problems.add(name + " -> " + c.name() + " field " + i + " (" + components[i].getName()
                            + "): encoded " + Values.show(java) + ", decoded " + Values.show(decoded));
                }
            }
            if (r.hasRemaining()) {
                problems.add(name + " -> " + c.name() + ": " + r.remaining() + " bytes left of "
                        + HEX.formatHex(bytes));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(name + " -> " + c.name() + ": " + HEX.formatHex(bytes) + " does not decode: " + e);
            return;
        }
        if (event != null) {
            ScaleReader skip = new ScaleReader(bytes);
            try {
                pallet.skipEventFields(index, skip);
                if (skip.hasRemaining()) {
                    problems.add(name + ": skipEventFields leaves " + skip.remaining() + " bytes");
                }
            } catch (RuntimeException e) {
                problems.add(name + ": skipEventFields fails: " + e);
            }
        }
    }

    private void checkAllVariantsSeen(String what, Ty.Variant type, Set<Integer> seen) {
        if (type != null) {
            for (Ty.Case c : type.variants()) {
                if (!seen.contains(c.index())) {
                    problems.add(what + " variant " + c.name() + " (" + c.index() + ") has no record");
                }
            }
        }
    }

    private void checkValue(PalletMeta.Storage s, byte[] bytes, Object value) {
        enums.walk("storage " + s.name() + " value", value, s.value());
        Object decoded = decodeAll("storage " + s.name() + " value", s.value(), bytes);
        if (decoded != null && !values.matches(value, decoded)) {
            problems.add("storage " + s.name() + " value: encoded " + Values.show(value) + ", decoded "
                    + Values.show(decoded));
        }
    }

    /** The hashed key part: each key part (one, or a tuple's elements) decoded and hashed by its hasher. */
    private byte[] hashKey(PalletMeta.Storage s, byte[] keyBytes) {
        ScaleReader r = new ScaleReader(keyBytes);
        List<Ty> parts = s.hashers().size() == 1 ? List.of(s.key()) : ((Ty.Tuple) s.key()).elements();
        byte[] out = new byte[0];
        for (int i = 0; i < parts.size(); i++) {
            int from = r.position();
            decoder.decode(parts.get(i), r);
            out = concat(out, s.hashers().get(i).hash(Arrays.copyOfRange(keyBytes, from, r.position())));
        }
        r.expectEnd();
        return out;
    }

    private Object decodeAll(String what, Ty type, byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        try {
            Object v = decoder.decode(type, r);
            if (r.hasRemaining()) {
                problems.add(what + ": " + r.remaining() + " bytes left of " + HEX.formatHex(bytes));
            }
            return v;
        } catch (RuntimeException e) {
            problems.add(what + ": " + HEX.formatHex(bytes) + " does not decode: " + e);
            return null;
        }
    }

    private PalletMeta.Storage entry(String name) {
        for (PalletMeta.Storage s : meta.storage()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        problems.add("storage " + name + " is not in the metadata");
        return null;
    }

    private static Object get(Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

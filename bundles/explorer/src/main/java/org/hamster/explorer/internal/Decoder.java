package org.hamster.explorer.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.H256;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;
import org.hamster.metadata.MetadataV14;
import org.hamster.metadata.MetadataV14.PalletMetadata;
import org.hamster.metadata.PortableType;
import org.hamster.metadata.ScaleValues;
import org.hamster.metadata.TypeDef;
import org.hamster.metadata.TypeDef.PortableField;
import org.hamster.metadata.TypeDef.PortableVariant;
import org.hamster.metadata.Value;

/**
 * Renders the calls and event fields of one chain for people, driven by the chain's own Metadata V14 (its pallets'
 * call, event and error enums and their portable types) and its token: accounts as SS58, fields whose Rust type is
 * a balance ({@code BalanceOf<T>}, {@code T::Balance}) as token amounts, {@code T::Moment} fields as ISO-8601
 * instants, {@code Vec<u8>} as text when printable, unit enums by variant name, DispatchError as
 * "Pallet.Error", nested runtime calls as {pallet, call, args}. Field names are the metadata's in camelCase.
 * Whatever the metadata does not describe, or what does not decode, is shown as {@code {"raw": "0x..."}}; without
 * metadata ({@code null}) every call and event is raw and pallets are named by the {@link RuntimeLayout}. Not
 * thread-safe (one per request).
 */
final class Decoder {
    /** A top-level call. {@code pallet} and {@code call} are "#index" where the metadata lacks them. */
    record DecodedCall(String pallet, String call, Map<String, Object> args) {
    }

    static final String RAW = "raw";
    private static final int MAX_NESTING = 8;
    private static final Set<String> BALANCES = Set.of("BalanceOf<T>", "T::Balance", "Balance");
    private static final Set<String> MOMENTS = Set.of("T::Moment", "MomentOf<T>", "Moment");
    /**
     * Where the explorer's names (the pallets' Java records', published to the web UI) differ from the metadata's
     * (Substrate's) beyond snake_case to camelCase: "Pallet.metadata_field" to the explorer's name.
     */
    private static final Map<String, String> RENAMED = Map.of(
            "System.dispatch_info", "info",
            "System.dispatch_error", "error",
            "Sudo.sudo_result", "error",
            "Sudo.new", "newKey",
            "Balances.destination_status", "status",
            "Provider.memory_gib", "memoryGiB",
            "Provider.disk_gib", "diskGiB");
    /** Unit enums the explorer names in upper case (as the pallets' Java enums do), by the last part of the path. */
    private static final Set<String> UPPER_CASE_ENUMS = Set.of("BalanceStatus", "ResourceStatus");

    private final MetadataV14 metadata;
    private final RuntimeLayout layout;
    private final Tokens tokens;
    private final Integer runtimeCall;
    private int nesting;

    Decoder(MetadataV14 metadata, RuntimeLayout layout, Tokens tokens) {
        this.metadata = metadata;
        this.layout = layout;
        this.tokens = tokens;
        this.runtimeCall = metadata == null ? null : runtimeCallType(metadata);
    }

    /** An extrinsic's call (pallet index, call index, arguments): all of {@code call}. */
    DecodedCall call(byte[] call) {
        if (call.length < 2) {
            return new DecodedCall(null, null, raw(call));
        }
        int palletIndex = call[0] & 0xff;
        String pallet = palletName(palletIndex);
        int index = call[1] & 0xff;
        Optional<PortableVariant> variant = variant(palletIndex, PalletMetadata::calls, index);
        if (variant.isEmpty()) {
            return new DecodedCall(pallet, "#" + index, raw(call, 2));
        }
        ScaleReader r = new ScaleReader(call, 2, call.length - 2);
        try {
            Map<String, Object> args = fields(pallet, variant.get().fields(), r);
            r.expectEnd();
            return new DecodedCall(pallet, variant.get().name(), args);
        } catch (ScaleException | IllegalArgumentException | ClassCastException | ArithmeticException e) {
            return new DecodedCall(pallet, variant.get().name(), raw(call, 2));
        }
    }

    /** The named fields of an event, or its raw fields. */
    Map<String, Object> eventFields(EventRecord event) {
        byte[] bytes = event.fields();
        String pallet = palletName(event.palletIndex());
        Optional<PortableVariant> variant = variant(event.palletIndex(), PalletMetadata::event, event.eventIndex());
        if (variant.isEmpty()) {
            return raw(bytes);
        }
        try {
            ScaleReader r = new ScaleReader(bytes);
            Map<String, Object> fields = fields(pallet, variant.get().fields(), r);
            r.expectEnd();
            return fields;
        } catch (ScaleException | IllegalArgumentException | ClassCastException | ArithmeticException e) {
            return raw(bytes);
        }
    }

    /** The event's name, or "#index". */
    String eventName(EventRecord event) {
        return variant(event.palletIndex(), PalletMetadata::event, event.eventIndex()).map(PortableVariant::name)
                .orElse("#" + event.eventIndex());
    }

    /** The pallet's name in the metadata (else in the layout), or "#index". */
    String palletName(int index) {
        return pallet(index).map(PalletMetadata::name).or(() -> layout.name(index)).orElse("#" + index);
    }

    /**
     * Reads a DispatchError and names it ("Balances.InsufficientBalance", "BadOrigin", "Token(FundsUnavailable)"):
     * by the metadata's error enums, or by the layout without metadata.
     */
    String dispatchError(ScaleReader r) {
        if (metadata == null) {
            return layout.decodeDispatchError(r).description();
        }
        int type = metadata.types().byPath("sp_runtime::DispatchError")
                .orElseThrow(() -> new ScaleException("the metadata has no sp_runtime::DispatchError")).id();
        return dispatchError(ScaleValues.decode(metadata.types(), type, r));
    }

    /** Printable UTF-8 (tabs and line breaks allowed) as text, anything else as 0x-hex. */
    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            boolean printable = s.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r'
                    || !Character.isISOControl(c) && Character.getType(c) != Character.UNASSIGNED);
            return printable ? s : Hex.encode(bytes);
        } catch (CharacterCodingException e) {
            return Hex.encode(bytes);
        }
    }

    /** An ISO-8601 instant of ms since the epoch, e.g. 2026-11-25T10:00:00.123Z. */
    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** snake_case to camelCase: "price_per_hour" to "pricePerHour". */
    static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private Optional<PalletMetadata> pallet(int index) {
        return metadata == null ? Optional.empty()
                : metadata.pallets().stream().filter(p -> p.index() == index).findFirst();
    }

    private Optional<PortableVariant> variant(int palletIndex,
            java.util.function.Function<PalletMetadata, Integer> enumOf, int index) {
        return pallet(palletIndex).map(enumOf).map(id -> metadata.types().type(id).def())
                .filter(TypeDef.Variant.class::isInstance).map(d -> ((TypeDef.Variant) d).byIndex(index));
    }

    /** A call nested in another's arguments (sudo): {pallet, call, args}; ScaleException if it cannot be read. */
    private Map<String, Object> nestedCall(ScaleReader r) {
        int palletIndex = r.u8();
        String pallet = palletName(palletIndex);
        int index = r.u8();
        PortableVariant variant = variant(palletIndex, PalletMetadata::calls, index)
                .orElseThrow(() -> new ScaleException("unknown call " + pallet + " #" + index));
        if (nesting >= MAX_NESTING) {
            throw new ScaleException("calls nested deeper than " + MAX_NESTING);
        }
        nesting++;
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pallet", pallet);
            out.put("call", variant.name());
            out.put("args", fields(pallet, variant.fields(), r));
            return out;
        } finally {
            nesting--;
        }
    }

    /** The fields of a call or event of {@code pallet}, by the explorer's names. */
    private Map<String, Object> fields(String pallet, List<PortableField> fields, ScaleReader r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            PortableField f = fields.get(i);
            String name = f.name() == null ? String.valueOf(i)
                    : RENAMED.getOrDefault(pallet + "." + f.name(), camel(f.name()));
            out.put(name, value(f.type(), f.typeName(), r));
        }
        return out;
    }

    /** One value of type {@code id} whose field declares Rust type {@code typeName} (may be null). */
    private Object value(int id, String typeName, ScaleReader r) {
        PortableType t = metadata.types().type(id);
        switch (t.pathString()) {
            case "sp_core::crypto::AccountId32":
                return AccountId.CODEC.decode(r).ss58();
            case "sp_runtime::multiaddress::MultiAddress":
                return MultiAddress.CODEC.decode(r).toString();
            case "primitive_types::H256":
                return H256.CODEC.decode(r).hex();
            case "sp_runtime::DispatchError":
                return dispatchError(ScaleValues.decode(metadata.types(), id, r));
            case "frame_support::dispatch::DispatchInfo":
                return dispatchInfo((Value.Composite) ScaleValues.decode(metadata.types(), id, r));
            default:
                break;
        }
        if (runtimeCall != null && id == runtimeCall) {
            return nestedCall(r);
        }
        TypeDef d = t.def();
        if (d instanceof TypeDef.Composite c) {
            return composite(c.fields(), typeName, r);
        }
        if (d instanceof TypeDef.Variant v) {
            return variant(t, v, typeName, r);
        }
        if (d instanceof TypeDef.Sequence s) {
            return isU8(s.type()) ? text(r.vecBytes()) : elements(s.type(), r.compactLength(), r);
        }
        if (d instanceof TypeDef.Array a) {
            return isU8(a.type()) ? Hex.encode(r.bytes(a.len())) : elements(a.type(), a.len(), r);
        }
        if (d instanceof TypeDef.Tuple tu) {
            List<Object> items = new ArrayList<>();
            for (int item : tu.types()) {
                items.add(value(item, null, r));
            }
            return items;
        }
        if (d instanceof TypeDef.Primitive p) {
            return primitive(p, ScaleValues.decode(metadata.types(), id, r), typeName);
        }
        if (d instanceof TypeDef.Compact) {
            return number(ScaleValues.decode(metadata.types(), id, r).asBigInteger(), typeName);
        }
        return Hex.encode(((Value.Bits) ScaleValues.decode(metadata.types(), id, r)).raw());
    }

    private Object composite(List<PortableField> fields, String typeName, ScaleReader r) {
        if (fields.size() == 1 && fields.get(0).name() == null) { // a newtype
            return value(fields.get(0).type(), typeName, r);
        }
        if (!fields.isEmpty() && fields.get(0).name() == null) {
            List<Object> items = new ArrayList<>();
            for (PortableField f : fields) {
                items.add(value(f.type(), f.typeName(), r));
            }
            return items;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (PortableField f : fields) {
            out.put(camel(f.name()), value(f.type(), f.typeName(), r));
        }
        return out;
    }

    /**
     * Option: null or the value; {@code Result<(), E>}: null for Ok, the error for Err; a variant without fields:
     * its name; else {name: its fields}.
     */
    private Object variant(PortableType t, TypeDef.Variant v, String typeName, ScaleReader r) {
        int index = r.u8();
        PortableVariant pv = v.byIndex(index);
        if (pv == null) {
            throw new ScaleException("no variant " + index + " in " + t.pathString());
        }
        String path = t.pathString();
        if (path.equals("Option") && pv.fields().size() <= 1) {
            return pv.fields().isEmpty() ? null : value(pv.fields().get(0).type(), inner(typeName, "Option<"), r);
        }
        if (path.equals("Result") && pv.fields().size() == 1 && isUnit(v.byName("Ok"))) {
            Object inner = value(pv.fields().get(0).type(), null, r);
            return pv.name().equals("Ok") ? null : inner;
        }
        if (pv.fields().isEmpty()) {
            return t.path().isEmpty() || !UPPER_CASE_ENUMS.contains(t.path().get(t.path().size() - 1)) ? pv.name()
                    : pv.name().toUpperCase(java.util.Locale.ROOT);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(pv.name(), composite(pv.fields(), null, r));
        return out;
    }

    private boolean isUnit(PortableVariant ok) {
        return ok != null && ok.fields().size() == 1
                && metadata.types().type(ok.fields().get(0).type()).def() instanceof TypeDef.Tuple tu
                && tu.types().isEmpty();
    }

    private List<Object> elements(int type, int n, ScaleReader r) {
        List<Object> items = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            items.add(value(type, null, r));
        }
        return items;
    }

    private Object primitive(TypeDef.Primitive p, Value v, String typeName) {
        return switch (p.kind()) {
            case BOOL -> ((Value.Bool) v).value();
            case STR -> ((Value.Str) v).value();
            case CHAR -> Character.toString(((Value.Char) v).codePoint());
            case U8, U16, I8, I16 -> v.asBigInteger().intValueExact();
            case U32, I32, I64 -> v.asBigInteger().longValueExact();
            default -> number(v.asBigInteger(), typeName);
        };
    }

    /** An unsigned integer: a token amount, an instant or a number (a long where it fits). */
    private Object number(BigInteger n, String typeName) {
        if (typeName != null && BALANCES.contains(typeName)) {
            return tokens.format(n);
        }
        if (typeName != null && MOMENTS.contains(typeName)) {
            return instant(n.longValueExact());
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private String dispatchError(Value error) {
        Value.Variant v = (Value.Variant) error;
        if (v.name().equals("Module")) {
            Value.Composite module = (Value.Composite) v.fields().get(0).value();
            int pallet = module.field("index").asBigInteger().intValueExact();
            int index = module.field("error").asBytes()[0] & 0xff;
            Optional<PalletMetadata> p = pallet(pallet);
            String errorName = p.map(PalletMetadata::error).map(id -> metadata.types().type(id).def())
                    .filter(TypeDef.Variant.class::isInstance).map(d -> ((TypeDef.Variant) d).byIndex(index))
                    .map(PortableVariant::name).orElse("Error#" + index);
            return p.map(PalletMetadata::name).orElse("Module#" + pallet) + "." + errorName;
        }
        if (v.fields().size() == 1 && v.fields().get(0).value() instanceof Value.Variant inner
                && inner.fields().isEmpty()) {
            return v.name() + "(" + inner.name() + ")";
        }
        return v.name();
    }

    /** DispatchInfo as {refTime, proofSize, class, paysFee}. */
    private static Map<String, Object> dispatchInfo(Value.Composite info) {
        Value.Composite weight = (Value.Composite) info.field("weight");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refTime", weight.field("ref_time").asLong());
        out.put("proofSize", weight.field("proof_size").asLong());
        out.put("class", ((Value.Variant) info.field("class")).name());
        out.put("paysFee", ((Value.Variant) info.field("pays_fee")).name().equals("Yes"));
        return out;
    }

    private boolean isU8(int type) {
        return metadata.types().type(type).def() instanceof TypeDef.Primitive p
                && p.kind() == org.hamster.chain.spi.meta.Ty.Kind.U8;
    }

    /** "Option<BalanceOf<T>>" to "BalanceOf<T>"; null if {@code typeName} is not {@code wrapper...>}. */
    private static String inner(String typeName, String wrapper) {
        return typeName != null && typeName.startsWith(wrapper) && typeName.endsWith(">")
                ? typeName.substring(wrapper.length(), typeName.length() - 1) : null;
    }

    /** The runtime's call enum: the Call parameter of the extrinsic type. */
    private static Integer runtimeCallType(MetadataV14 metadata) {
        return metadata.types().type(metadata.extrinsic().type()).params().stream()
                .filter(p -> p.name().equals("Call")).map(PortableType.Param::type).findFirst().orElse(null);
    }

    private static Map<String, Object> raw(byte[] bytes) {
        return raw(bytes, 0);
    }

    private static Map<String, Object> raw(byte[] bytes, int from) {
        byte[] rest = new byte[bytes.length - from];
        System.arraycopy(bytes, from, rest, 0, rest.length);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(RAW, Hex.encode(rest));
        return out;
    }
}

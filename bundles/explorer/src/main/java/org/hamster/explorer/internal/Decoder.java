package org.hamster.explorer.internal;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamster.chain.EventRecord;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;

/**
 * Renders the calls and event fields of one chain for people, with its pallet indices ({@link RuntimeLayout}), the
 * {@link Schema} of its pallets and its token. Whatever the schema does not describe, or what does not decode, is
 * shown as {@code {"raw": "0x..."}}. Not thread-safe (one per request).
 */
final class Decoder {
    /** A top-level call. {@code pallet} and {@code call} are "#index" where the layout or the schema lacks them. */
    record DecodedCall(String pallet, String call, Map<String, Object> args) {
    }

    static final String RAW = "raw";
    private static final int MAX_NESTING = 8;

    private final RuntimeLayout layout;
    private final Schema schema;
    private final Tokens tokens;
    private int nesting;

    Decoder(RuntimeLayout layout, Schema schema, Tokens tokens) {
        this.layout = layout;
        this.schema = schema;
        this.tokens = tokens;
    }

    /** An extrinsic's call (pallet index, call index, arguments): all of {@code call}. */
    DecodedCall call(byte[] call) {
        if (call.length < 2) {
            return new DecodedCall(null, null, raw(call));
        }
        String pallet = palletName(call[0] & 0xff);
        int index = call[1] & 0xff;
        Optional<Schema.Variant> variant = schema.call(pallet, index);
        if (variant.isEmpty()) {
            return new DecodedCall(pallet, "#" + index, raw(call, 2));
        }
        ScaleReader r = new ScaleReader(call, 2, call.length - 2);
        try {
            Map<String, Object> args = fields(variant.get().fields(), r);
            r.expectEnd();
            return new DecodedCall(pallet, variant.get().name(), args);
        } catch (ScaleException | IllegalArgumentException e) {
            return new DecodedCall(pallet, variant.get().name(), raw(call, 2));
        }
    }

    /** A call nested in another's arguments (sudo): {pallet, call, args}; ScaleException if it cannot be read. */
    Map<String, Object> nestedCall(ScaleReader r) {
        String pallet = palletName(r.u8());
        int index = r.u8();
        Schema.Variant variant = schema.call(pallet, index)
                .orElseThrow(() -> new ScaleException("unknown call " + pallet + " #" + index));
        if (nesting >= MAX_NESTING) {
            throw new ScaleException("calls nested deeper than " + MAX_NESTING);
        }
        nesting++;
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pallet", pallet);
            out.put("call", variant.name());
            out.put("args", fields(variant.fields(), r));
            return out;
        } finally {
            nesting--;
        }
    }

    /** The named fields of an event, or its raw fields. */
    Map<String, Object> eventFields(EventRecord event) {
        byte[] bytes = event.fields();
        Optional<Schema.Variant> variant = schema.event(palletName(event.palletIndex()), event.eventIndex());
        if (variant.isEmpty()) {
            return raw(bytes);
        }
        try {
            ScaleReader r = new ScaleReader(bytes);
            Map<String, Object> fields = fields(variant.get().fields(), r);
            r.expectEnd();
            return fields;
        } catch (ScaleException | IllegalArgumentException e) {
            return raw(bytes);
        }
    }

    /** The event's name, or "#index". */
    String eventName(EventRecord event) {
        return schema.event(palletName(event.palletIndex()), event.eventIndex()).map(Schema.Variant::name)
                .orElse("#" + event.eventIndex());
    }

    String palletName(int index) {
        return layout.name(index).orElse("#" + index);
    }

    String amount(BigInteger units) {
        return tokens.format(units);
    }

    /** Reads a DispatchError and names it ("Balances.InsufficientBalance", "BadOrigin"). */
    String dispatchError(ScaleReader r) {
        return layout.decodeDispatchError(r).description();
    }

    private Map<String, Object> fields(List<Schema.Field> fields, ScaleReader r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Schema.Field f : fields) {
            out.put(f.name(), f.type().read(r, this));
        }
        return out;
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

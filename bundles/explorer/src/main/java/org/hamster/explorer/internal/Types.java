package org.hamster.explorer.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.MultiAddress;
import org.hamster.codec.ScaleException;
import org.hamster.common.Hex;
import org.hamster.pallet.system.DispatchInfo;

/**
 * The field types of the runtime's calls and events, each rendered for people: accounts as SS58, balances as
 * token amounts ("1.5 HAM"), chain times (ms) as ISO-8601 instants, bytes as UTF-8 text when printable.
 */
final class Types {
    static final FieldType U8 = (r, d) -> r.u8();
    static final FieldType U32 = (r, d) -> r.u32();
    static final FieldType U64 = (r, d) -> unsigned(r.u64());
    static final FieldType COMPACT = (r, d) -> r.compactBig();
    static final FieldType BOOL = (r, d) -> r.bool();
    static final FieldType ACCOUNT = (r, d) -> AccountId.CODEC.decode(r).ss58();
    /** MultiAddress: the SS58 address of an Id, a description of the other variants. */
    static final FieldType ADDRESS = (r, d) -> MultiAddress.CODEC.decode(r).toString();
    static final FieldType HASH = (r, d) -> H256.CODEC.decode(r).hex();
    /** u128 amount of the chain's token. */
    static final FieldType BALANCE = (r, d) -> d.amount(r.u128());
    /** Compact&lt;u128&gt; amount of the chain's token (as calls take them). */
    static final FieldType COMPACT_BALANCE = (r, d) -> d.amount(r.compactU128());
    /** u64 chain time, ms since the epoch. */
    static final FieldType MOMENT = (r, d) -> instant(r.u64());
    /** Compact&lt;u64&gt; chain time (Timestamp.set). */
    static final FieldType COMPACT_MOMENT = (r, d) -> instant(r.compactLong());
    /** Vec&lt;u8&gt;: text when it is printable UTF-8, 0x-hex otherwise. */
    static final FieldType BYTES = (r, d) -> text(r.vecBytes());
    /** sp_runtime::DispatchError, named ("Balances.InsufficientBalance", "BadOrigin"). */
    static final FieldType DISPATCH_ERROR = (r, d) -> d.dispatchError(r);
    /** DispatchResult: null for Ok, the error's name for Err. */
    static final FieldType DISPATCH_RESULT = (r, d) -> switch (r.u8()) {
        case 0 -> null;
        case 1 -> d.dispatchError(r);
        default -> throw new ScaleException("bad DispatchResult tag");
    };
    static final FieldType DISPATCH_INFO = (r, d) -> dispatchInfo(DispatchInfo.decode(r));
    /** A complete nested runtime call: {pallet, call, args}. */
    static final FieldType CALL = (r, d) -> d.nestedCall(r);

    private static final List<String> DISPATCH_CLASSES = List.of("Normal", "Operational", "Mandatory");

    private Types() {
    }

    /** Option&lt;inner&gt;: null for None. */
    static FieldType option(FieldType inner) {
        return (r, d) -> r.optionTag() ? inner.read(r, d) : null;
    }

    /** A SCALE enum without data (one byte, the variant index) named by a Java enum of the pallet's API. */
    static FieldType enumOf(Class<? extends Enum<?>> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return (r, d) -> {
            int index = r.u8();
            if (index >= names.size()) {
                throw new ScaleException("bad " + type.getSimpleName() + " " + index);
            }
            return names.get(index);
        };
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

    private static Object unsigned(long u64) {
        return u64 >= 0 ? (Object) u64 : new BigInteger(Long.toUnsignedString(u64));
    }

    private static Map<String, Object> dispatchInfo(DispatchInfo info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refTime", info.refTime());
        out.put("proofSize", info.proofSize());
        out.put("class", DISPATCH_CLASSES.get(info.dispatchClass()));
        out.put("paysFee", info.paysFee());
        return out;
    }
}

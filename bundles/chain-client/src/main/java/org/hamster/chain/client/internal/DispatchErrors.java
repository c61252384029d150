package org.hamster.chain.client.internal;

import java.util.List;
import java.util.function.BiFunction;
import org.hamster.chain.DispatchError;
import org.hamster.chain.DispatchError.Kind;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;

/** Decodes sp_runtime::DispatchError (the inverse of chain-api's DispatchError.encode). */
public final class DispatchErrors {
    private static final List<String> TOKEN = List.of("FundsUnavailable", "OnlyProvider", "BelowMinimum",
            "CannotCreate", "UnknownAsset", "Frozen", "Unsupported", "CannotCreateHold", "NotExpendable", "Blocked");
    private static final List<String> ARITHMETIC = List.of("Underflow", "Overflow", "DivisionByZero");
    private static final List<String> TRANSACTIONAL = List.of("LimitReached", "NoLayer");
    private static final List<String> PLAIN = List.of("Other", "CannotLookup", "BadOrigin", "Module",
            "ConsumerRemaining", "NoProviders", "TooManyConsumers", "Token", "Arithmetic", "Transactional",
            "Exhausted", "Corruption", "Unavailable", "RootNotAllowed");

    private DispatchErrors() {
    }

    /** {@code moduleName} turns (pallet index, error index) into a description such as "Balances.InsufficientBalance". */
    public static DispatchError decode(ScaleReader r, BiFunction<Integer, Integer, String> moduleName) {
        int tag = r.u8();
        if (tag >= Kind.values().length) {
            throw new ScaleException("unknown DispatchError variant " + tag);
        }
        Kind kind = Kind.values()[tag];
        return switch (kind) {
            case MODULE -> {
                int pallet = r.u8();
                byte[] error = r.bytes(4);
                int index = error[0] & 0xff;
                yield new DispatchError(kind, pallet, index, moduleName.apply(pallet, index));
            }
            case TOKEN -> nested(kind, r.u8(), TOKEN);
            case ARITHMETIC -> nested(kind, r.u8(), ARITHMETIC);
            case TRANSACTIONAL -> nested(kind, r.u8(), TRANSACTIONAL);
            default -> new DispatchError(kind, 0, 0, PLAIN.get(tag));
        };
    }

    /** Skips a DispatchError without naming it. */
    public static void skip(ScaleReader r) {
        decode(r, (p, e) -> "");
    }

    private static DispatchError nested(Kind kind, int detail, List<String> names) {
        String name = detail < names.size() ? names.get(detail) : "#" + detail;
        return new DispatchError(kind, 0, detail, PLAIN.get(kind.ordinal()) + "(" + name + ")");
    }
}

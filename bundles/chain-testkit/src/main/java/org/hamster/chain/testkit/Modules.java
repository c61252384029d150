package org.hamster.chain.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.Pallet;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** The pallets of a harness at fixed indices, decoding runtime calls as the node does. */
final class Modules implements CallDecoder {
    /** How deep calls may nest (sudo(sudo(...))), as Substrate's MAX_EXTRINSIC_DEPTH. */
    static final int MAX_DEPTH = 256;

    /** A decoded runtime call. */
    record Decoded(int palletIndex, Pallet pallet, Call call) {
    }

    private final Pallet[] byIndex = new Pallet[256];
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final List<Pallet> ordered = new ArrayList<>();
    private int depth;

    Modules(Map<Integer, Pallet> pallets) {
        pallets.forEach((i, p) -> {
            if (i < 0 || i > 255) {
                throw new IllegalArgumentException("pallet index must be 0..255, got " + i);
            }
            if (indexOf.put(p.name(), i) != null) {
                throw new IllegalArgumentException("pallet " + p.name() + " registered twice");
            }
            byIndex[i] = p;
        });
        for (Pallet p : byIndex) {
            if (p != null) {
                ordered.add(p);
            }
        }
    }

    /** Pallets in index order (hooks and genesis run in this order). */
    List<Pallet> ordered() {
        return ordered;
    }

    boolean has(String pallet) {
        return indexOf.containsKey(pallet);
    }

    int indexOf(String pallet) {
        Integer i = indexOf.get(pallet);
        if (i == null) {
            throw new IllegalStateException("pallet " + pallet + " is not part of this runtime");
        }
        return i;
    }

    Pallet pallet(int index) {
        return byIndex[index];
    }

    <T> Optional<T> service(Class<T> type) {
        for (Pallet p : ordered) {
            if (type.isInstance(p)) {
                return Optional.of(type.cast(p));
            }
        }
        return Optional.empty();
    }

    byte[] encode(String pallet, Call call) {
        ScaleWriter w = new ScaleWriter().u8(indexOf(pallet)).u8(call.callIndex());
        call.encodeArgs(w);
        return w.toByteArray();
    }

    Decoded decode(ScaleReader r) {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new ScaleException("calls nested deeper than " + MAX_DEPTH);
        }
        try {
            int pi = r.u8();
            Pallet p = byIndex[pi];
            if (p == null) {
                throw new ScaleException("no pallet at index " + pi);
            }
            int ci = r.u8();
            return new Decoded(pi, p, p.decodeCall(ci, r, this));
        } finally {
            depth--;
        }
    }

    Decoded decodeAll(byte[] call) {
        ScaleReader r = new ScaleReader(call);
        Decoded d = decode(r);
        r.expectEnd();
        return d;
    }

    @Override
    public byte[] readCall(ScaleReader r) {
        int start = r.position();
        decode(r);
        return r.copyRange(start, r.position() - start);
    }
}

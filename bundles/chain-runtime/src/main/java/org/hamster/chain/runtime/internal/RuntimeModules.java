package org.hamster.chain.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.FeeCharger;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.crypto.Blake2b;
import org.hamster.metadata.IndexedPallet;
import org.hamster.metadata.MetadataV14Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pallets of one runtime, at the indices the chain spec fixes, and the runtime version they define. */
final class RuntimeModules implements CallDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeModules.class);
    /** A decoded runtime call. */
    record Decoded(int palletIndex, Pallet pallet, Call call) {
    }

    /**
     * The runtime APIs we advertise (name:version), each served by {@link RuntimeApis}. Not part of spec_version.
     * BlockBuilder and TaggedTransactionQueue are not advertised: nothing outside the node can call them.
     */
    static final String[] APIS = {"Core:4", "Metadata:2", "AccountNonceApi:1", "TransactionPaymentApi:4"};

    private final Pallet[] byIndex = new Pallet[256];
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final List<Pallet> ordered = new ArrayList<>();
    private final RuntimeVersion version;
    private final byte[] metadata;

    /**
     * {@code pallets} maps chain-spec index to pallet; they must already be configured (their metadata carries the
     * configured constants). IllegalArgumentException when a pallet is missing or does not describe itself.
     */
    RuntimeModules(ChainSpec spec, Map<Integer, Pallet> pallets) {
        ScaleWriter fingerprint = new ScaleWriter();
        List<IndexedPallet> described = new ArrayList<>();
        for (ChainSpec.PalletSpec ps : spec.pallets()) {
            Pallet p = pallets.get(ps.index());
            if (p == null || !p.name().equals(ps.name())) {
                throw new IllegalArgumentException("pallet " + ps.name() + " missing at index " + ps.index());
            }
            PalletMeta meta = p.metadata();
            if (meta == null) {
                throw new IllegalArgumentException("pallet " + ps.name() + " at index " + ps.index()
                        + " has no metadata (" + p.getClass().getName() + ".metadata() returned null)");
            }
            described.add(new IndexedPallet(ps.index(), ps.name(), meta));
            byIndex[ps.index()] = p;
            indexOf.put(ps.name(), ps.index());
            fingerprint.u8(ps.index()).string(ps.name()).u32(p.version());
        }
        metadata = MetadataV14Writer.write(described);
        LOG.debug("Metadata V14 of {} pallets: {} bytes", described.size(), metadata.length);
        for (Pallet p : byIndex) {
            if (p != null) {
                ordered.add(p);
            }
        }
        byte[] fp = Blake2b.hash256(fingerprint.toByteArray());
        long specVersion = ((fp[0] & 0x7fL) << 24) | ((fp[1] & 0xffL) << 16) | ((fp[2] & 0xffL) << 8) | (fp[3] & 0xffL);
        List<RuntimeVersion.Api> apis = new ArrayList<>();
        for (String a : APIS) {
            String[] nv = a.split(":");
            apis.add(new RuntimeVersion.Api(Blake2b.hash(8, null, nv[0].getBytes(StandardCharsets.UTF_8)),
                    Long.parseLong(nv[1])));
        }
        version = new RuntimeVersion(spec.specName(), spec.implName(), 1, specVersion, 1, List.copyOf(apis),
                spec.transactionVersion(), 1);
    }

    RuntimeVersion version() {
        return version;
    }

    /** The runtime's Metadata V14 ("meta", 14, ...), built once from the pallets' descriptions. */
    byte[] metadata() {
        return metadata.clone();
    }

    /** Pallets in index order (hooks run in this order). */
    List<Pallet> ordered() {
        return ordered;
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

    /** Nested calls (sudo of sudo of ...) deeper than this are malformed input, not a stack overflow. */
    static final int MAX_CALL_DEPTH = 32;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** Services found so far, by type: looked up several times per transaction (fees, currency). */
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Optional<?>> services =
            new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> Optional<T> service(Class<T> type) {
        return (Optional<T>) services.computeIfAbsent(type, t -> {
            for (Pallet p : ordered) {
                if (t.isInstance(p)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        });
    }

    FeeCharger fees() {
        return service(FeeCharger.class).orElseThrow(() -> new IllegalStateException("no FeeCharger pallet"));
    }

    Decoded decode(ScaleReader r) {
        int depth = DEPTH.get()[0]++;
        try {
            if (depth >= MAX_CALL_DEPTH) {
                throw new ScaleException("calls nested deeper than " + MAX_CALL_DEPTH);
            }
            return decodeOne(r);
        } finally {
            DEPTH.get()[0]--;
        }
    }

    private Decoded decodeOne(ScaleReader r) {
        int pi = r.u8();
        Pallet p = byIndex[pi];
        if (p == null) {
            throw new ScaleException("no pallet at index " + pi);
        }
        int ci = r.u8();
        return new Decoded(pi, p, p.decodeCall(ci, r, this));
    }

    /** Decodes a whole call encoding; trailing bytes are malformed input. */
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

    /** Skips an event's fields through its pallet (used to walk System.Events). */
    void skipEvent(int palletIndex, int eventIndex, ScaleReader r) {
        Pallet p = byIndex[palletIndex];
        if (p == null) {
            throw new ScaleException("no pallet at index " + palletIndex);
        }
        p.skipEventFields(eventIndex, r);
    }
}

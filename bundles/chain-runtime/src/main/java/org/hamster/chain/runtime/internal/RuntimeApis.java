package org.hamster.chain.runtime.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hamster.chain.AccountId;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.spi.State;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.metadata.MetadataV14;

/**
 * The runtime APIs reachable through state_call, with Substrate's method names and SCALE layouts: a table of
 * methods, each belonging to an API that {@link RuntimeModules#APIS} advertises (checked at construction).
 * Methods only read the state they are given.
 */
final class RuntimeApis {
    /** A runtime API method: reads its SCALE arguments from {@code args}, returns its SCALE result. */
    @FunctionalInterface
    interface Method {
        byte[] call(ScaleReader args, State state);
    }

    private final Chain chain;
    private final PaymentApi payment;
    private final Map<String, Method> methods = new LinkedHashMap<>();

    RuntimeApis(Chain chain) {
        this.chain = chain;
        this.payment = new PaymentApi(chain);
        methods.put("Core_version", (r, s) -> version(chain.modules().version()));
        methods.put("Metadata_metadata", (r, s) -> new ScaleWriter().vecBytes(chain.modules().metadata())
                .toByteArray());
        methods.put("Metadata_metadata_versions", (r, s) -> new ScaleWriter().compact(1).u32(MetadataV14.VERSION)
                .toByteArray());
        methods.put("Metadata_metadata_at_version", (r, s) -> metadataAt(r.u32()));
        methods.put("AccountNonceApi_account_nonce", RuntimeApis::nonce);
        methods.put("TransactionPaymentApi_query_info", (r, s) -> payment.queryInfo(r));
        methods.put("TransactionPaymentApi_query_fee_details", (r, s) -> payment.queryFeeDetails(r));
        methods.put("TransactionPaymentApi_query_weight_to_fee", (r, s) -> payment.queryWeightToFee(r));
        methods.put("TransactionPaymentApi_query_length_to_fee", (r, s) -> payment.queryLengthToFee(r));
        String mismatch = mismatch(methods.keySet(), RuntimeModules.APIS);
        if (mismatch != null) {
            throw new IllegalStateException(mismatch);
        }
    }

    /**
     * Calls {@code method} with SCALE input {@code data} on {@code state}. IllegalArgumentException (with nothing
     * changed) for an unknown method or input that is not exactly its arguments.
     */
    byte[] call(String method, byte[] data, State state) {
        Method m = methods.get(method);
        if (m == null) {
            throw new IllegalArgumentException("unknown runtime API method " + method + "; this runtime serves "
                    + methods.keySet());
        }
        try {
            ScaleReader r = new ScaleReader(data);
            byte[] out = m.call(r, state);
            r.expectEnd();
            return out;
        } catch (ScaleException e) {
            throw new IllegalArgumentException("bad " + method + " input: " + e.getMessage());
        }
    }

    /** Names of the served methods. */
    Set<String> served() {
        return new TreeSet<>(methods.keySet());
    }

    /** Fee of an extrinsic without checking its signature (wallets estimate with a dummy signature). */
    BigInteger fee(byte[] opaque) throws TransactionRejected {
        return payment.fee(opaque);
    }

    /**
     * Why {@code served} methods and {@code apis} (name:version) do not match: an API none of whose methods is
     * served, or a method of an API that is not advertised. Null when they match.
     */
    static String mismatch(Set<String> served, String[] apis) {
        Set<String> names = new TreeSet<>();
        for (String a : apis) {
            names.add(a.substring(0, a.indexOf(':')));
        }
        for (String m : served) {
            int sep = m.indexOf('_');
            if (sep <= 0 || !names.contains(m.substring(0, sep))) {
                return "runtime API method " + m + " belongs to no advertised API " + Arrays.toString(apis);
            }
        }
        for (String api : names) {
            if (served.stream().noneMatch(m -> m.startsWith(api + "_"))) {
                return "runtime API " + api + " is advertised but none of its methods is served";
            }
        }
        return null;
    }

    static byte[] version(RuntimeVersion v) {
        ScaleWriter w = new ScaleWriter();
        w.string(v.specName()).string(v.implName()).u32(v.authoringVersion()).u32(v.specVersion())
                .u32(v.implVersion());
        w.vec(v.apis(), (x, a) -> x.bytes(a.id()).u32(a.version()));
        w.u32(v.transactionVersion()).u8(v.stateVersion());
        return w.toByteArray();
    }

    /** {@code Option<OpaqueMetadata>}: Some for version 14, the only one we have, None for any other. */
    private byte[] metadataAt(long version) {
        if (version != MetadataV14.VERSION) {
            return new byte[] {0};
        }
        return new ScaleWriter().u8(1).vecBytes(chain.modules().metadata()).toByteArray();
    }

    private static byte[] nonce(ScaleReader r, State state) {
        AccountId who = AccountId.CODEC.decode(r);
        return new ScaleWriter().u32(Executive.nonceOf(state, who)).toByteArray();
    }
}

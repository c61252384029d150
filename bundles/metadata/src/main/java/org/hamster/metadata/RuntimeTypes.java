package org.hamster.metadata;

import static org.hamster.chain.spi.meta.StdTypes.COMPACT_BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.COMPACT_U32;
import static org.hamster.chain.spi.meta.StdTypes.H256;
import static org.hamster.chain.spi.meta.StdTypes.U32;
import static org.hamster.chain.spi.meta.StdTypes.U8;
import static org.hamster.chain.spi.meta.StdTypes.UNIT;

import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.chain.spi.meta.Ty.Case;
import org.hamster.chain.spi.meta.Ty.Composite;
import org.hamster.chain.spi.meta.Ty.Field;
import org.hamster.chain.spi.meta.Ty.Param;
import org.hamster.chain.spi.meta.Ty.Variant;

/**
 * The runtime-level types, described as polkadot-sdk describes them: the extrinsic format (UncheckedExtrinsic v4
 * with MultiAddress, MultiSignature and our signed extensions), the mortal era, and the outer enums that
 * {@link StdTypes#RUNTIME_CALL} and {@link StdTypes#RUNTIME_EVENT} refer to.
 */
public final class RuntimeTypes {
    /** The crate our runtime-level types live in: polkadot.js aliases {@code *_runtime::RuntimeCall}. */
    public static final String CRATE = "hamster_runtime";
    /** The extrinsic format version. */
    public static final int EXTRINSIC_VERSION = 4;
    /** {@code hamster_runtime::Runtime}, the metadata's {@code ty}. */
    public static final Ty RUNTIME = new Composite(Ty.path(CRATE + "::Runtime"), List.of(), List.of(), List.of());
    /** {@code sp_runtime::generic::era::Era}: Immortal = 0, MortalN(u8) = N for N in 1..255 (the era's low byte). */
    public static final Ty ERA = era();
    public static final Ty ED25519_SIGNATURE = bytesNewtype("sp_core::ed25519::Signature", 64);
    public static final Ty SR25519_SIGNATURE = bytesNewtype("sp_core::sr25519::Signature", 64);
    public static final Ty ECDSA_SIGNATURE = bytesNewtype("sp_core::ecdsa::Signature", 65);
    public static final Ty MULTI_SIGNATURE = new Variant(Ty.path("sp_runtime::MultiSignature"), List.of(), List.of(
            new Case("Ed25519", List.of(Ty.field(ED25519_SIGNATURE, "ed25519::Signature")), 0, List.of()),
            new Case("Sr25519", List.of(Ty.field(SR25519_SIGNATURE, "sr25519::Signature")), 1, List.of()),
            new Case("Ecdsa", List.of(Ty.field(ECDSA_SIGNATURE, "ecdsa::Signature")), 2, List.of())), List.of());
    /** The signed extensions in extrinsic order (the ones polkadot.js knows by name; no CheckMetadataHash). */
    public static final List<SignedExtension> SIGNED_EXTENSIONS = List.of(
            ext("CheckNonZeroSender", "frame_system::extensions::check_non_zero_sender", UNIT),
            ext("CheckSpecVersion", "frame_system::extensions::check_spec_version", U32),
            ext("CheckTxVersion", "frame_system::extensions::check_tx_version", U32),
            ext("CheckGenesis", "frame_system::extensions::check_genesis", H256),
            ext("CheckMortality", "frame_system::extensions::check_mortality", H256, Ty.field(ERA, "Era")),
            ext("CheckNonce", "frame_system::extensions::check_nonce", UNIT, Ty.field(COMPACT_U32, "T::Nonce")),
            ext("CheckWeight", "frame_system::extensions::check_weight", UNIT),
            ext("ChargeTransactionPayment", "pallet_transaction_payment", UNIT,
                    Ty.field(COMPACT_BALANCE, "BalanceOf<T>")));
    /** The tuple of the extensions' types: what a signed extrinsic carries after its signature. */
    public static final Ty EXTRA = new Ty.Tuple(SIGNED_EXTENSIONS.stream().map(SignedExtension::type).toList());
    /** The tuple of the extensions' additional-signed types: what the signed payload adds after the extra. */
    public static final Ty ADDITIONAL_SIGNED = new Ty.Tuple(
            SIGNED_EXTENSIONS.stream().map(SignedExtension::additionalSigned).toList());
    /**
     * {@code sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic}: opaque bytes whose parameters tell
     * clients the address, call, signature and extra types.
     */
    public static final Ty UNCHECKED_EXTRINSIC = new Composite(
            Ty.path("sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic"),
            List.of(new Param("Address", StdTypes.MULTI_ADDRESS), new Param("Call", StdTypes.RUNTIME_CALL),
                    new Param("Signature", MULTI_SIGNATURE), new Param("Extra", EXTRA)),
            List.of(Ty.field(StdTypes.BYTES, null)),
            List.of("UncheckedExtrinsic raw bytes, requires custom decoding routine"));

    /** A signed extension: its identifier, its type in the extrinsic and its additional-signed type. */
    public record SignedExtension(String identifier, Ty type, Ty additionalSigned) {
    }

    private RuntimeTypes() {
    }

    /**
     * {@code hamster_runtime::RuntimeCall}: one variant per pallet that has calls, named after it, at the pallet's
     * index, holding the pallet's call enum.
     */
    public static Ty runtimeCall(List<IndexedPallet> pallets) {
        List<Case> cases = new ArrayList<>();
        for (IndexedPallet p : pallets) {
            if (p.meta().calls() != null) {
                cases.add(new Case(p.name(), List.of(Ty.field(p.meta().calls(),
                        "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<"
                                + p.name() + ", Runtime>")), p.index(), List.of()));
            }
        }
        return new Variant(Ty.path(CRATE + "::RuntimeCall"), List.of(), cases, List.of());
    }

    /** {@code hamster_runtime::RuntimeEvent}: one variant per pallet that has events, at the pallet's index. */
    public static Ty runtimeEvent(List<IndexedPallet> pallets) {
        List<Case> cases = new ArrayList<>();
        for (IndexedPallet p : pallets) {
            if (p.meta().events() != null) {
                String crate = p.meta().events().path().isEmpty() ? p.name() : p.meta().events().path().get(0);
                cases.add(new Case(p.name(), List.of(Ty.field(p.meta().events(), crate + "::Event<Runtime>")),
                        p.index(), List.of()));
            }
        }
        return new Variant(Ty.path(CRATE + "::RuntimeEvent"), List.of(), cases, List.of());
    }

    private static Ty era() {
        List<Case> cases = new ArrayList<>(256);
        cases.add(new Case("Immortal", List.of(), 0, List.of()));
        for (int i = 1; i <= 255; i++) {
            cases.add(new Case("Mortal" + i, List.of(Ty.field(U8, null)), i, List.of()));
        }
        return new Variant(Ty.path("sp_runtime::generic::era::Era"), List.of(), cases, List.of());
    }

    private static Ty bytesNewtype(String path, int len) {
        return new Composite(Ty.path(path), List.of(), List.of(Ty.field(new Ty.Arr(len, U8), "[u8; " + len + "]")),
                List.of());
    }

    private static SignedExtension ext(String name, String module, Ty additional, Field... fields) {
        Ty type = new Composite(Ty.path(module + "::" + name), List.of(new Param("T", null)), List.of(fields),
                List.of());
        return new SignedExtension(name, type, additional);
    }
}

package org.hamster.explorer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.H256;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.sudo.SudoCall;
import org.hamster.pallet.sudo.SudoEvent;
import org.hamster.pallet.system.DispatchInfo;
import org.hamster.pallet.system.SystemCall;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.timestamp.TimestampCall;
import org.hamster.pallet.transactionpayment.TransactionPaymentEvent;
import org.junit.jupiter.api.Test;

/**
 * The decoder over the dev runtime's own metadata against the pallets' own API: every call and event record of
 * every pallet, filled with sample values and encoded by the record itself, decodes by the metadata to its index,
 * its name and each of its components by the record's name, rendered as the explorer promises (and as its
 * hand-written schema did before the metadata).
 */
class MetadataDecoderTest {
    static final RuntimeLayout LAYOUT = RuntimeLayout.dev();
    static final Tokens HAM = new Tokens(12, "HAM");
    private static final List<Class<?>> CALLS = List.of(SystemCall.class, TimestampCall.class, BalancesCall.class,
            SudoCall.class, ProviderCall.class, ResourceOrderCall.class, GatewayCall.class);
    private static final List<Class<?>> EVENTS = List.of(SystemEvent.class, BalancesEvent.class,
            TransactionPaymentEvent.class, SudoEvent.class, ProviderEvent.class, ResourceOrderEvent.class,
            GatewayEvent.class);
    /** Fields that are chain times (ms), shown as instants. */
    private static final Set<String> MOMENTS = Set.of("now", "endOfRent", "start", "end", "at");
    private static final long SAMPLE_MOMENT = 1_764_000_000_000L;
    /** A complete System.remark("hi") call, for the calls that carry one. */
    private static final byte[] NESTED = new ScaleWriter().u8(0).u8(0).vecBytes(utf8("hi")).toByteArray();
    private static final DispatchError MODULE_ERROR = new DispatchError(DispatchError.Kind.MODULE, 2, 2, "");

    private final Decoder decoder = new Decoder(DevMetadata.METADATA, LAYOUT, HAM);

    @Test
    void everyCallOfThePalletsDecodesByItsRecordsNames() throws Exception {
        int checked = 0;
        for (Class<?> family : CALLS) {
            String pallet = palletOf(family);
            for (Class<?> type : family.getPermittedSubclasses()) {
                Call call = (Call) sample(type);
                ScaleWriter w = new ScaleWriter().u8(LAYOUT.index(pallet)).u8(call.callIndex());
                call.encodeArgs(w);
                Decoder.DecodedCall decoded = decoder.call(w.toByteArray());
                assertEquals(pallet, decoded.pallet(), type.getName());
                assertEquals(snake(type.getSimpleName()), decoded.call(), type.getName());
                assertFields((Record) call, decoded.args());
                checked++;
            }
        }
        assertEquals(32, checked);
    }

    @Test
    void everyEventOfThePalletsDecodesByItsRecordsNames() throws Exception {
        int checked = 0;
        for (Class<?> family : EVENTS) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                PalletEvent event = (PalletEvent) sample(type);
                ScaleWriter w = new ScaleWriter();
                event.encodeFields(w);
                EventRecord record = new EventRecord(EventRecord.Phase.APPLY_EXTRINSIC, 0,
                        LAYOUT.index(event.pallet()), event.eventIndex(), w.toByteArray(), List.of());
                assertEquals(type.getSimpleName(), decoder.eventName(record), type.getName());
                assertFields((Record) event, decoder.eventFields(record));
                checked++;
            }
        }
        assertEquals(48, checked);
    }

    @Test
    void everyVariantOfTheEventsEnumsIsNamedAsTheirJavaEnums() throws Exception {
        int checked = 0;
        for (Class<?> family : EVENTS) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if (!c.getType().isEnum()) {
                        continue;
                    }
                    for (Object constant : c.getType().getEnumConstants()) {
                        PalletEvent event = (PalletEvent) sample(type, c.getName(), constant);
                        ScaleWriter w = new ScaleWriter();
                        event.encodeFields(w);
                        EventRecord record = new EventRecord(EventRecord.Phase.APPLY_EXTRINSIC, 0,
                                LAYOUT.index(event.pallet()), event.eventIndex(), w.toByteArray(), List.of());
                        assertEquals(((Enum<?>) constant).name(), decoder.eventFields(record).get(c.getName()));
                        checked++;
                    }
                }
            }
        }
        assertEquals(8, checked);
    }

    private static void assertFields(Record record, Map<String, Object> fields) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        assertEquals(Arrays.stream(components).map(RecordComponent::getName).toList(),
                new ArrayList<>(fields.keySet()), record.toString());
        for (RecordComponent c : components) {
            Object expected = rendered(c.getName(), c.getAccessor().invoke(record));
            Object actual = fields.get(c.getName());
            assertEquals(expected, actual instanceof Number n ? n.longValue() : actual, c.toString());
        }
    }

    /** What the explorer should show for a sample value. */
    private static Object rendered(String name, Object value) {
        if (value instanceof AccountId a) {
            return a.ss58();
        } else if (value instanceof MultiAddress a) {
            return a.toString();
        } else if (value instanceof BigInteger b) {
            return HAM.format(b);
        } else if (value instanceof Long l) {
            return MOMENTS.contains(name) ? Instant.ofEpochMilli(l).toString() : l;
        } else if (value instanceof Integer i) {
            return i.longValue();
        } else if (value instanceof Bytes b) {
            return new String(b.toArray(), StandardCharsets.UTF_8);
        } else if (value instanceof byte[] b) {
            return name.equals("call") ? Map.of("pallet", "System", "call", "remark", "args", Map.of("remark", "hi"))
                    : new String(b, StandardCharsets.UTF_8);
        } else if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value instanceof DispatchError e) {
            return LAYOUT.moduleErrorName(e.palletIndex(), e.detail());
        } else if (value instanceof DispatchInfo i) {
            return Map.of("refTime", i.refTime(), "proofSize", i.proofSize(), "class", "Operational", "paysFee",
                    i.paysFee());
        } else if (value instanceof H256 h) {
            return h.hex();
        }
        return value;
    }

    /** A record of {@code type} with a sample value for each component. */
    private static Object sample(Class<?> type) throws Exception {
        return sample(type, null, null);
    }

    /** A record of {@code type} with a sample value for each component, {@code value} for component {@code name}. */
    private static Object sample(Class<?> type, String name, Object value) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(name) ? value : sample(components[i].getName(), types[i]);
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sample(String name, Class<?> type) {
        AccountId account = AccountId.of(filled(32, 7));
        if (type == AccountId.class) {
            return account;
        } else if (type == MultiAddress.class) {
            return MultiAddress.id(account);
        } else if (type == BigInteger.class) {
            return new BigInteger("1500000000000");
        } else if (type == long.class) {
            return MOMENTS.contains(name) ? SAMPLE_MOMENT : 42L;
        } else if (type == int.class) {
            return 7;
        } else if (type == boolean.class) {
            return true;
        } else if (type == Bytes.class) {
            return Bytes.wrap(utf8("text of " + name));
        } else if (type == byte[].class) {
            return name.equals("call") ? NESTED : utf8("text of " + name);
        } else if (type == String.class) {
            return "12D3KooW" + name;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        } else if (type == DispatchError.class) {
            return MODULE_ERROR;
        } else if (type == DispatchInfo.class) {
            return new DispatchInfo(5, 6, DispatchInfo.OPERATIONAL, true);
        } else if (type == H256.class) {
            return H256.of(filled(32, 9));
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static String palletOf(Class<?> family) {
        String name = family.getSimpleName();
        return name.substring(0, name.length() - "Call".length());
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void snakeCaseToCamelCase() {
        assertEquals("pricePerHour", Decoder.camel("price_per_hour"));
        assertEquals("who", Decoder.camel("who"));
        assertEquals("x1Y", Decoder.camel("x1_y"));
    }

    @Test
    void theSampleRecordsAreNotRaw() {
        assertFalse(decoder.call(NESTED).args().containsKey(Decoder.RAW));
        assertTrue(decoder.call(new byte[] {0, 0, 9}).args().containsKey(Decoder.RAW), "truncated args");
    }
}

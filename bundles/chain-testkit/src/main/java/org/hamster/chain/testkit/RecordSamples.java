package org.hamster.chain.testkit;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.H256;
import org.hamster.chain.MultiAddress;
import org.hamster.common.Bytes;
import org.hamster.codec.ScaleWriter;

/**
 * Builds sample instances of records by reflection: each component gets a value of its type, distinct from its
 * neighbours' (so swapped fields show), nested records and lists are filled too. Types it cannot make (or values
 * a record's constructor would refuse) are given with {@link #with(Class, Object)}.
 */
public final class RecordSamples {
    /** A complete {@code System.remark("hi")} call: the sample for nested-call components named "call". */
    public static final byte[] NESTED_CALL = new ScaleWriter().u8(0).u8(0).vecBytes("hi".getBytes(StandardCharsets.UTF_8))
            .toByteArray();
    private final Map<Class<?>, Object> given = new HashMap<>();
    private int counter;

    /** Uses {@code sample} for every component of type {@code type}. */
    public <T> RecordSamples with(Class<T> type, T sample) {
        given.put(type, sample);
        return this;
    }

    /** A sample of {@code type} (a record, or any type this class knows). */
    public Object sample(Class<?> type) {
        return sample("value", type, type);
    }

    private Object sample(String name, Class<?> type, Type generic) {
        int k = ++counter;
        if (given.containsKey(type)) {
            return given.get(type);
        } else if (type == long.class || type == Long.class) {
            return 1000L + k;
        } else if (type == int.class || type == Integer.class) {
            return 1 + k % 2;
        } else if (type == boolean.class || type == Boolean.class) {
            return k % 2 == 0;
        } else if (type == BigInteger.class) {
            return BigInteger.valueOf(1_500_000_000_000L + k);
        } else if (type == Bytes.class) {
            return Bytes.wrap(("text of " + name).getBytes(StandardCharsets.UTF_8));
        } else if (type == byte[].class) {
            return name.equals("call") ? NESTED_CALL.clone() : ("text of " + name).getBytes(StandardCharsets.UTF_8);
        } else if (type == String.class) {
            return "text of " + name;
        } else if (type == AccountId.class) {
            return AccountId.of(filled(32, k));
        } else if (type == H256.class) {
            return H256.of(filled(32, 100 + k));
        } else if (type == MultiAddress.class) {
            return MultiAddress.id(AccountId.of(filled(32, k)));
        } else if (type == DispatchError.class) {
            return new DispatchError(DispatchError.Kind.MODULE, 2, 2, "");
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        } else if (type == List.class && generic instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            Class<?> raw = element instanceof ParameterizedType pe ? (Class<?>) pe.getRawType() : (Class<?>) element;
            return List.of(sample(name, raw, element), sample(name, raw, element));
        } else if (type.isRecord()) {
            return record(type);
        }
        throw new IllegalArgumentException("no sample for " + type.getName() + " (component " + name
                + "): give one with RecordSamples.with");
    }

    private Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(components[i].getName(), types[i], components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a sample " + type.getName() + " from "
                    + Arrays.toString(values) + ": give one with RecordSamples.with or as an explicit sample", e);
        }
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}

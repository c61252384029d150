package org.hamster.metadata;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hamster.common.Hex;

/**
 * A SCALE value decoded by its registry type ({@link ScaleValues}). Integers (also compact ones) are
 * {@link Int}; sequences and arrays of u8 are {@link Bytes}; other sequences, arrays and tuples are {@link Seq}.
 */
public sealed interface Value {
    record Bool(boolean value) implements Value {
    }

    /** A Unicode scalar value (scale-info's {@code char}, encoded as u32). */
    record Char(int codePoint) implements Value {
    }

    record Str(String value) implements Value {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Any integer: u8..u256, i8..i256, Compact. */
    record Int(BigInteger value) implements Value {
        public Int {
            Objects.requireNonNull(value, "value");
        }

        public static Int of(long v) {
            return new Int(BigInteger.valueOf(v));
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** {@code Vec<u8>} or {@code [u8; N]}. */
    record Bytes(byte[] value) implements Value {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return Hex.encode(value);
        }
    }

    /** A sequence, array (not of u8) or tuple. */
    record Seq(List<Value> items) implements Value {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** A struct: its fields in order (names null for tuple structs). */
    record Composite(List<Field> fields) implements Value {
        public Composite {
            fields = List.copyOf(fields);
        }

        /** The field named {@code name}; IllegalArgumentException when there is none. */
        public Value field(String name) {
            return Value.field(fields, name);
        }
    }

    /** An enum value: the variant's name and index, and its fields. */
    record Variant(String name, int index, List<Field> fields) implements Value {
        public Variant {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
        }

        public Value field(String name) {
            return Value.field(fields, name);
        }
    }

    /** A bit sequence: its length in bits and its storage bytes as encoded. */
    record Bits(int bits, byte[] raw) implements Value {
        public Bits {
            raw = raw.clone();
        }

        @Override
        public byte[] raw() {
            return raw.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits b && bits == b.bits && Arrays.equals(raw, b.raw);
        }

        @Override
        public int hashCode() {
            return 31 * bits + Arrays.hashCode(raw);
        }
    }

    /** A field of a composite or variant; {@code name} null when unnamed. */
    record Field(String name, Value value) {
        public Field {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The integer of an {@link Int}, or of a composite or tuple wrapping exactly one (a newtype). */
    default BigInteger asBigInteger() {
        Value v = unwrap(this);
        if (v instanceof Int i) {
            return i.value();
        }
        throw new IllegalArgumentException("not an integer: " + this);
    }

    default long asLong() {
        return asBigInteger().longValueExact();
    }

    /** The bytes of a {@link Bytes}, or of a newtype around one (AccountId32, H256, signatures). */
    default byte[] asBytes() {
        Value v = unwrap(this);
        if (v instanceof Bytes b) {
            return b.value();
        }
        throw new IllegalArgumentException("not bytes: " + this);
    }

    private static Value unwrap(Value v) {
        while (true) {
            if (v instanceof Composite c && c.fields().size() == 1) {
                v = c.fields().get(0).value();
            } else {
                return v;
            }
        }
    }

    private static Value field(List<Field> fields, String name) {
        for (Field f : fields) {
            if (name.equals(f.name())) {
                return f.value();
            }
        }
        throw new IllegalArgumentException("no field " + name + " in " + fields);
    }
}

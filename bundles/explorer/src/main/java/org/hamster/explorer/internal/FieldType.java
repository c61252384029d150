package org.hamster.explorer.internal;

import org.hamster.codec.ScaleReader;

/**
 * How one field of a call or an event is read from its SCALE encoding and shown in JSON: a String, a number, a
 * boolean, null, or a map or list of those.
 */
@FunctionalInterface
interface FieldType {
    /** Reads exactly the field's bytes; ScaleException if they are malformed. */
    Object read(ScaleReader r, Decoder decoder);
}

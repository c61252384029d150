package org.hamster.p2p;

/**
 * Bytes received and sent, as counted on the wire of a connection (after encryption and multiplexing framing) or,
 * for a {@link Host}, summed over all its TCP connections since it started.
 */
public record Traffic(long bytesIn, long bytesOut) {
    public static final Traffic NONE = new Traffic(0, 0);

    public Traffic {
        if (bytesIn < 0 || bytesOut < 0) {
            throw new IllegalArgumentException("byte counts cannot be negative");
        }
    }
}

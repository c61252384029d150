package org.hamster.gateway;

import java.time.Instant;

/**
 * One open connection of the gateway.
 *
 * @param peerId the remote peer
 * @param address the remote address
 * @param direction INBOUND or OUTBOUND
 * @param relayed true for a connection through another relay
 * @param streams open streams on it
 * @param bytesIn bytes received on it
 * @param bytesOut bytes sent on it
 * @param reservationExpiry when its relay reservation ends, null without one
 */
public record PeerView(String peerId, String address, String direction, boolean relayed, int streams, long bytesIn,
        long bytesOut, Instant reservationExpiry) {
}

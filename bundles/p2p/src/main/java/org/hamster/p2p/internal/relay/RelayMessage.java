package org.hamster.p2p.internal.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hamster.common.HamsterException;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.Varint;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.proto.ProtoReader;
import org.hamster.p2p.internal.proto.ProtoWriter;
import org.hamster.p2p.internal.protocols.StreamReader;

/**
 * A circuit relay v2 {@code HopMessage} (type 1, peer 2, reservation 3, limit 4, status 5) or {@code StopMessage}
 * (type 1, peer 2, limit 3, status 4), varint-length-prefixed on the wire. {@code Peer} is id 1, addrs 2;
 * {@code Reservation} is expire 1, addrs 2, voucher 3; {@code Limit} is duration 1, data 2. Fields not set are
 * null (peer, expire) or 0 (limits: none).
 */
public record RelayMessage(boolean hop, int type, PeerId peer, List<Multiaddr> peerAddrs, Long expire,
        List<Multiaddr> reservationAddrs, long limitDuration, long limitData, int status) {
    public static final String HOP = "/libp2p/circuit/relay/0.2.0/hop";
    public static final String STOP = "/libp2p/circuit/relay/0.2.0/stop";
    public static final int HOP_RESERVE = 0;
    public static final int HOP_CONNECT = 1;
    public static final int HOP_STATUS = 2;
    public static final int STOP_CONNECT = 0;
    public static final int STOP_STATUS = 1;
    public static final int OK = 100;
    public static final int RESERVATION_REFUSED = 200;
    public static final int RESOURCE_LIMIT_EXCEEDED = 201;
    public static final int PERMISSION_DENIED = 202;
    public static final int CONNECTION_FAILED = 203;
    public static final int NO_RESERVATION = 204;
    public static final int MALFORMED_MESSAGE = 400;
    public static final int UNEXPECTED_MESSAGE = 401;
    static final int MAX_MESSAGE = 4096;
    static final int TIMEOUT_SECONDS = 30;
    private static final int MAX_ADDRS = 32;

    public static RelayMessage hopStatus(int status) {
        return new RelayMessage(true, HOP_STATUS, null, List.of(), null, List.of(), 0, 0, status);
    }

    public static RelayMessage stopStatus(int status) {
        return new RelayMessage(false, STOP_STATUS, null, List.of(), null, List.of(), 0, 0, status);
    }

    public static RelayMessage of(boolean hop, int type, PeerId peer) {
        return new RelayMessage(hop, type, peer, List.of(), null, List.of(), 0, 0, 0);
    }

    public RelayMessage withLimit(long durationSeconds, long data) {
        return new RelayMessage(hop, type, peer, peerAddrs, expire, reservationAddrs, durationSeconds, data, status);
    }

    public RelayMessage withReservation(long expireUnixSeconds, List<Multiaddr> addrs) {
        return new RelayMessage(hop, type, peer, peerAddrs, expireUnixSeconds, addrs, limitDuration, limitData,
                status);
    }

    public byte[] encode() {
        ProtoWriter w = new ProtoWriter().varint(1, type);
        if (peer != null) {
            ProtoWriter p = new ProtoWriter().bytes(1, peer.toBytes());
            peerAddrs.forEach(a -> p.bytes(2, a.toBytes()));
            w.bytes(2, p.toByteArray());
        }
        if (hop && expire != null) {
            ProtoWriter r = new ProtoWriter().varint(1, expire);
            reservationAddrs.forEach(a -> r.bytes(2, a.toBytes()));
            w.bytes(3, r.toByteArray());
        }
        if (limitDuration > 0 || limitData > 0) {
            ProtoWriter l = new ProtoWriter();
            if (limitDuration > 0) {
                l.varint(1, limitDuration);
            }
            if (limitData > 0) {
                l.varint(2, limitData);
            }
            w.bytes(hop ? 4 : 3, l.toByteArray());
        }
        if (status != 0) {
            w.varint(hop ? 5 : 4, status);
        }
        return w.toByteArray();
    }

    /** Parses a message; throws {@link WireException} when it is malformed or has no type. */
    public static RelayMessage decode(boolean hop, byte[] raw) {
        Integer type = null;
        PeerId peer = null;
        List<Multiaddr> peerAddrs = new ArrayList<>();
        Long expire = null;
        List<Multiaddr> resAddrs = new ArrayList<>();
        long duration = 0;
        long data = 0;
        int status = 0;
        ProtoReader r = new ProtoReader(raw);
        while (r.next()) {
            int f = r.field();
            if (f == 1) {
                type = (int) r.varint();
            } else if (f == 2) {
                ProtoReader p = new ProtoReader(r.bytes(MAX_MESSAGE));
                while (p.next()) {
                    if (p.field() == 1) {
                        try {
                            peer = PeerId.fromBytes(p.bytes(256));
                        } catch (HamsterException e) {
                            throw new WireException("relay: bad peer id");
                        }
                    } else if (p.field() == 2) {
                        addIfValid(peerAddrs, p.bytes(1024));
                    } else {
                        p.skip();
                    }
                }
            } else if (hop && f == 3) {
                ProtoReader p = new ProtoReader(r.bytes(MAX_MESSAGE));
                while (p.next()) {
                    if (p.field() == 1) {
                        expire = p.varint();
                    } else if (p.field() == 2) {
                        addIfValid(resAddrs, p.bytes(1024));
                    } else {
                        p.skip();
                    }
                }
            } else if (f == (hop ? 4 : 3)) {
                ProtoReader p = new ProtoReader(r.bytes(MAX_MESSAGE));
                while (p.next()) {
                    if (p.field() == 1) {
                        duration = p.varint();
                    } else if (p.field() == 2) {
                        data = p.varint();
                    } else {
                        p.skip();
                    }
                }
            } else if (f == (hop ? 5 : 4)) {
                status = (int) r.varint();
            } else {
                r.skip();
            }
        }
        if (type == null) {
            throw new WireException("relay: message without a type");
        }
        return new RelayMessage(hop, type, peer, List.copyOf(peerAddrs), expire, List.copyOf(resAddrs), duration,
                data, status);
    }

    /** Writes this message, length-prefixed. */
    public CompletableFuture<Void> writeTo(Stream stream) {
        byte[] m = encode();
        byte[] framed = new byte[Varint.size(m.length) + m.length];
        int off = Varint.write(framed, 0, m.length);
        System.arraycopy(m, 0, framed, off, m.length);
        return stream.write(framed);
    }

    /**
     * Reads one message; fails with PROTOCOL_ERROR when the stream ends first or the message is malformed, with
     * TIMEOUT after {@link #TIMEOUT_SECONDS}.
     */
    public static CompletableFuture<RelayMessage> readFrom(StreamReader reader, boolean hop) {
        return reader.readLengthPrefixed(MAX_MESSAGE).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(e -> {
                    Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    throw new CompletionException(c instanceof TimeoutException ? new P2pException(
                            P2pException.Reason.TIMEOUT, "relay: no message within " + TIMEOUT_SECONDS + " s") : c);
                }).thenApply(raw -> {
            if (raw == null) {
                throw new CompletionException(new P2pException(P2pException.Reason.PROTOCOL_ERROR,
                        "relay: the stream ended without a message"));
            }
            try {
                return decode(hop, raw);
            } catch (WireException e) {
                throw new CompletionException(e.toP2p());
            }
        });
    }

    private static void addIfValid(List<Multiaddr> list, byte[] raw) {
        if (list.size() < MAX_ADDRS) {
            try {
                list.add(Multiaddr.fromBytes(raw));
            } catch (HamsterException e) {
                // skipped, as identify does
            }
        }
    }
}

package org.hamster.p2p.internal.protocols;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hamster.common.HamsterException;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.PeerInfo;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.Varint;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.proto.ProtoReader;
import org.hamster.p2p.internal.proto.ProtoWriter;

/**
 * {@code /ipfs/id/1.0.0}: the listener answers with one varint-length-prefixed {@code Identify} protobuf
 * (publicKey 1, listenAddrs 2, protocols 3, observedAddr 4, protocolVersion 5, agentVersion 6) and closes.
 * Addresses the reader cannot parse are skipped; a public key that does not match the peer fails the request.
 */
public final class IdentifyProtocol {
    public static final String ID = "/ipfs/id/1.0.0";
    static final int MAX_MESSAGE = 64 * 1024;
    private static final int MAX_ITEMS = 256;
    private static final int MAX_FIELD = 4096;

    private IdentifyProtocol() {
    }

    public static byte[] encode(Identity identity, String agentVersion, List<Multiaddr> listenAddresses,
            Multiaddr observed, List<String> protocols) {
        ProtoWriter w = new ProtoWriter().bytes(1, identity.publicKeyProtobuf());
        listenAddresses.forEach(a -> w.bytes(2, a.toBytes()));
        protocols.forEach(p -> w.string(3, p));
        if (observed != null) {
            w.bytes(4, observed.toBytes());
        }
        return w.string(5, HostConfig.PROTOCOL_VERSION).string(6, agentVersion).toByteArray();
    }

    /** Parses an Identify message of {@code peer}; throws {@link WireException} when it is malformed or lies. */
    public static PeerInfo decode(byte[] message, PeerId peer) {
        String protocolVersion = "";
        String agentVersion = "";
        List<Multiaddr> listen = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        Optional<Multiaddr> observed = Optional.empty();
        ProtoReader r = new ProtoReader(message);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> {
                    if (!PeerId.fromPublicKeyProtobuf(r.bytes(MAX_FIELD)).equals(peer)) {
                        throw new WireException("identify: the public key is not the one of " + peer);
                    }
                }
                case 2 -> addIfValid(listen, r.bytes(MAX_FIELD));
                case 3 -> {
                    String p = r.string(MAX_FIELD);
                    if (protocols.size() < MAX_ITEMS) {
                        protocols.add(p);
                    }
                }
                case 4 -> observed = parse(r.bytes(MAX_FIELD));
                case 5 -> protocolVersion = r.string(MAX_FIELD);
                case 6 -> agentVersion = r.string(MAX_FIELD);
                default -> r.skip();
            }
        }
        return new PeerInfo(peer, protocolVersion, agentVersion, listen, observed, protocols);
    }

    /** Serves one request: the message, then end of stream. */
    public static void serve(Stream stream, byte[] message) {
        byte[] framed = new byte[Varint.size(message.length) + message.length];
        int off = Varint.write(framed, 0, message.length);
        System.arraycopy(message, 0, framed, off, message.length);
        stream.write(framed).thenCompose(v -> stream.close()).whenComplete((v, e) -> {
            if (e != null) {
                stream.reset();
            }
        });
    }

    /** Reads the remote's answer on a fresh identify stream and closes it. */
    public static CompletableFuture<PeerInfo> request(Stream stream) {
        PeerId peer = stream.connection().remotePeer();
        return new StreamReader(stream).readLengthPrefixed(MAX_MESSAGE).thenApply(message -> {
            if (message == null) {
                throw new CompletionException(new P2pException(P2pException.Reason.PROTOCOL_ERROR,
                        "identify: " + peer + " closed the stream without an answer"));
            }
            try {
                return decode(message, peer);
            } catch (WireException e) {
                throw new CompletionException(e.toP2p());
            }
        }).whenComplete((info, e) -> {
            if (e == null) {
                stream.close();
            } else {
                stream.reset();
            }
        });
    }

    private static void addIfValid(List<Multiaddr> list, byte[] raw) {
        if (list.size() < MAX_ITEMS) {
            parse(raw).ifPresent(list::add);
        }
    }

    private static Optional<Multiaddr> parse(byte[] raw) {
        try {
            return Optional.of(Multiaddr.fromBytes(raw));
        } catch (HamsterException e) {
            return Optional.empty();
        }
    }
}

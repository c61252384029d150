package org.hamster.p2p.internal.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.proto.ProtoWriter;
import org.junit.jupiter.api.Test;

class RelayMessageTest {
    @Test
    void hopStatusWithReservationAndLimitRoundTrips() throws Exception {
        Multiaddr a = Multiaddr.parse("/ip4/1.2.3.4/tcp/4001/p2p/12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB"
                + "/p2p-circuit");
        RelayMessage m = RelayMessage.hopStatus(RelayMessage.OK).withReservation(1_700_000_000L, List.of(a))
                .withLimit(3600, 1L << 36);
        RelayMessage back = RelayMessage.decode(true, m.encode());
        assertEquals(m, back);
        assertEquals(1_700_000_000L, back.expire());
        assertEquals(List.of(a), back.reservationAddrs());
    }

    @Test
    void stopConnectRoundTripsAndUsesStopFieldNumbers() {
        PeerId p = Identity.generate().peerId();
        RelayMessage m = RelayMessage.of(false, RelayMessage.STOP_CONNECT, p).withLimit(120000, 0);
        byte[] raw = m.encode();
        assertEquals(m, RelayMessage.decode(false, raw));
        // Stop: limit is field 3, which is the Reservation in a HopMessage (Limit.duration = Reservation.expire)
        RelayMessage asHop = RelayMessage.decode(true, raw);
        assertEquals(0, asHop.limitDuration());
        assertEquals(120000L, asHop.expire());
        assertNull(RelayMessage.decode(false, raw).expire());
    }

    @Test
    void unknownFieldsAreSkippedAndMissingTypeOrGarbageFail() {
        byte[] withExtra = new ProtoWriter().varint(1, 2).string(9, "future").varint(5, 100).toByteArray();
        assertEquals(RelayMessage.OK, RelayMessage.decode(true, withExtra).status());
        assertThrows(WireException.class, () -> RelayMessage.decode(true, new ProtoWriter().varint(5, 100)
                .toByteArray()));
        assertThrows(WireException.class, () -> RelayMessage.decode(true, new byte[] {0x12, 5, 1}));
        assertThrows(WireException.class, () -> RelayMessage.decode(false, new byte[] {0x12, 2, 0x0a, 1}));
    }
}

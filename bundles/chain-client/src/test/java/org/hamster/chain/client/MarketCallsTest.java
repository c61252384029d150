package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.common.Hex;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.junit.jupiter.api.Test;

class MarketCallsTest {
    private static final String PEER = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
    private static final String SSH = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBL9Y64pXdwsxJuEnwAb+5++Unni2eoxN/+Nsn6087/8"
            + " charlie@hamster-itest";
    private static final String ADDR = "/ip4/1.2.3.4/tcp/4001/p2p/" + PEER;
    private static final BigInteger ONE_HAM = BigInteger.TEN.pow(12);
    private final MarketCalls dev = MarketCalls.dev();

    private static Bytes utf8(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What the node would receive: pallet index, the record's call index, the record's own argument encoding. */
    private static byte[] expected(int pallet, Call call) {
        ScaleWriter w = new ScaleWriter().u8(pallet).u8(call.callIndex());
        call.encodeArgs(w);
        return w.toByteArray();
    }

    /** Encoded as the record encodes itself, and decoded back by the pallet's own call decoder. */
    private static void provider(byte[] actual, ProviderCall record) {
        assertArrayEquals(expected(5, record), actual);
        ScaleReader r = new ScaleReader(actual);
        assertEquals(5, r.u8());
        assertEquals(record, ProviderCall.decode(r.u8(), r));
        r.expectEnd();
    }

    private static void order(byte[] actual, ResourceOrderCall record) {
        assertArrayEquals(expected(6, record), actual);
        ScaleReader r = new ScaleReader(actual);
        assertEquals(6, r.u8());
        assertEquals(record, ResourceOrderCall.decode(r.u8(), r));
        r.expectEnd();
    }

    @Test
    void providerCallsAreTheRecordsEncodings() {
        ResourceConfig config = new ResourceConfig(4, 8, 100, utf8("Ubuntu 22.04"), utf8("AMD EPYC"), null,
                utf8("eu-west"));
        BigInteger price = BigInteger.valueOf(1_000_000_007L);
        provider(dev.registerResource(PEER, config, price, 10), new ProviderCall.RegisterResource(utf8(PEER), 4, 8,
                100, utf8("Ubuntu 22.04"), utf8("AMD EPYC"), price, 10, null, utf8("eu-west")));
        provider(dev.modifyPrice(3, ONE_HAM), new ProviderCall.ModifyResourcePrice(3, ONE_HAM));
        provider(dev.addDuration(3, 24), new ProviderCall.AddResourceDuration(3, 24));
        provider(dev.removeResource(3), new ProviderCall.RemoveResource(3));
        provider(dev.relist(3), new ProviderCall.Relist(3));
        provider(dev.offline(3), new ProviderCall.Offline(3));
    }

    @Test
    void resourceOrderCallsAreTheRecordsEncodings() {
        order(dev.pledge(ONE_HAM), new ResourceOrderCall.Pledge(ONE_HAM));
        order(dev.withdrawPledge(ONE_HAM), new ResourceOrderCall.WithdrawPledge(ONE_HAM));
        order(dev.createOrder(7, 2, SSH), new ResourceOrderCall.CreateOrder(7, 2, utf8(SSH)));
        order(dev.cancelOrder(9), new ResourceOrderCall.CancelOrder(9));
        order(dev.execOrder(9), new ResourceOrderCall.ExecOrder(9));
        order(dev.renew(4, 3), new ResourceOrderCall.Renew(4, 3));
        order(dev.heartbeat(4), new ResourceOrderCall.Heartbeat(4));
        order(dev.withdrawRent(4), new ResourceOrderCall.WithdrawRent(4));
        order(dev.claimRefund(), new ResourceOrderCall.ClaimRefund());
    }

    @Test
    void gatewayCallsAreTheRecordsEncodings() {
        assertArrayEquals(expected(7, new GatewayCall.RegisterGateway(ADDR)), dev.registerGateway(ADDR));
        assertArrayEquals(expected(7, new GatewayCall.Heartbeat(PEER)), dev.gatewayHeartbeat(PEER));
        assertArrayEquals(expected(7, new GatewayCall.Deregister(PEER)), dev.deregisterGateway(PEER));
        assertArrayEquals(expected(7, new GatewayCall.ForceRemove(PEER, 10)),
                dev.gateway(new GatewayCall.ForceRemove(PEER, 10)));
    }

    /** Independent of the records: the SCALE bytes written out by hand. */
    @Test
    void handWrittenBytes() {
        // pledge(10^12): ResourceOrder 6, call 0, Compact<u128> big-integer mode (5 bytes, prefix 0x07)
        assertEquals("0x0600070010a5d4e8", Hex.encode(dev.pledge(ONE_HAM)));
        // heartbeat(5): call 6, u64 little-endian
        assertEquals("0x06060500000000000000", Hex.encode(dev.heartbeat(5)));
        // create_order(1, 1, "ssh-ed25519 ..."): u64, u32, Vec<u8> with a compact length (102 bytes -> 0x9901)
        assertEquals("0x0602" + "0100000000000000" + "01000000" + "9901"
                + Hex.encode(SSH.getBytes(StandardCharsets.US_ASCII)).substring(2), Hex.encode(dev.createOrder(1, 1,
                        SSH)));
        // relist(258): Provider 5, call 4
        assertEquals("0x05040201000000000000", Hex.encode(dev.relist(258)));
        // offline(258): Provider 5, call 5
        assertEquals("0x05050201000000000000", Hex.encode(dev.offline(258)));
        // gateway heartbeat: Gateway 7, call 1, Vec<u8> of the peer id text (52 bytes -> 0xd0)
        assertEquals("0x0701d0" + Hex.encode(PEER.getBytes(StandardCharsets.US_ASCII)).substring(2),
                Hex.encode(dev.gatewayHeartbeat(PEER)));
    }

    @Test
    void usesTheGivenPalletIndices() {
        MarketCalls custom = new MarketCalls(new Calls(Map.of("Provider", 20, "ResourceOrder", 21, "Gateway", 22)));
        assertEquals(20, custom.relist(1)[0]);
        assertEquals(21, custom.claimRefund()[0]);
        assertEquals(22, custom.gatewayHeartbeat(PEER)[0]);
        assertThrows(IllegalArgumentException.class, () -> new MarketCalls(new Calls(Map.of("System", 0))).relist(1));
    }

    @Test
    void refusesValuesOutsideTheirSCALETypes() {
        assertThrows(IllegalArgumentException.class, () -> dev.pledge(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> dev.pledge(BigInteger.ONE.shiftLeft(128)));
        assertThrows(IllegalArgumentException.class, () -> dev.createOrder(1, 1L << 32, SSH));
        assertThrows(IllegalArgumentException.class, () -> dev.renew(1, -1));
        assertThrows(IllegalArgumentException.class, () -> dev.addDuration(1, 1L << 32));
    }
}

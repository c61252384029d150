package org.hamster.explorer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.hamster.chain.EventRecord;
import org.hamster.chain.client.Calls;
import org.hamster.codec.ScaleWriter;
import org.hamster.pallet.sudo.SudoCall;
import org.junit.jupiter.api.Test;

/** What the decoder shows for input the schema does not cover, and how it renders values. */
class DecoderTest {
    private final Decoder decoder = new Decoder(DevMetadata.METADATA, MetadataDecoderTest.LAYOUT, MetadataDecoderTest.HAM);

    @Test
    void unknownPalletsCallsAndEventsAreRaw() {
        assertEquals(new Decoder.DecodedCall("#99", "#1", Map.of("raw", "0x0203")),
                decoder.call(new byte[] {99, 1, 2, 3}));
        assertEquals(new Decoder.DecodedCall("Balances", "#1", Map.of("raw", "0x")), decoder.call(new byte[] {2, 1}));
        assertEquals(new Decoder.DecodedCall(null, null, Map.of("raw", "0x02")), decoder.call(new byte[] {2}));
        EventRecord unknown = new EventRecord(EventRecord.Phase.INITIALIZATION, -1, 2, 30, new byte[] {5}, List.of());
        assertEquals("#30", decoder.eventName(unknown));
        assertEquals(Map.of("raw", "0x05"), decoder.eventFields(unknown));
    }

    @Test
    void argumentsThatDoNotDecodeAreRaw() {
        byte[] transfer = Calls.dev().transferAllowDeath(org.hamster.chain.AccountId.of(new byte[32]), BigInteger.ONE);
        byte[] longer = new ScaleWriter().bytes(transfer).u8(0).toByteArray();
        Decoder.DecodedCall call = decoder.call(longer);
        assertEquals("transfer_allow_death", call.call());
        assertEquals(List.of("raw"), List.copyOf(call.args().keySet()), "trailing bytes");
    }

    @Test
    void sudoShowsTheCallItRuns() {
        byte[] inner = Calls.dev().remark("hello".getBytes());
        byte[] sudo = Calls.dev().call("Sudo", new SudoCall.Sudo(inner));
        assertEquals(new Decoder.DecodedCall("Sudo", "sudo", Map.of("call",
                Map.of("pallet", "System", "call", "remark", "args", Map.of("remark", "hello")))), decoder.call(sudo));
        byte[] deep = inner;
        for (int i = 0; i < 20; i++) {
            deep = Calls.dev().call("Sudo", new SudoCall.Sudo(deep));
        }
        assertEquals(List.of("raw"), List.copyOf(decoder.call(deep).args().keySet()), "nested too deep");
    }

    @Test
    void bytesAreTextWhenPrintable() {
        assertEquals("ssh-ed25519 AAAA x@y\n", Decoder.text("ssh-ed25519 AAAA x@y\n".getBytes()));
        assertEquals("grüße", Decoder.text("grüße".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("", Decoder.text(new byte[0]));
        assertEquals("0x00ff", Decoder.text(new byte[] {0, (byte) 0xff}));
        assertEquals("0x410042", Decoder.text(new byte[] {'A', 0, 'B'}));
        assertEquals("0xc3", Decoder.text(new byte[] {(byte) 0xc3}));
    }

    @Test
    void amountsInTokens() {
        assertEquals("0 HAM", MetadataDecoderTest.HAM.format(BigInteger.ZERO));
        assertEquals("1 HAM", MetadataDecoderTest.HAM.format(new BigInteger("1000000000000")));
        assertEquals("0.000000000001 HAM", MetadataDecoderTest.HAM.format(BigInteger.ONE));
        assertEquals("340282366920938463463374607.431768211455 HAM",
                MetadataDecoderTest.HAM.format(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
    }
}

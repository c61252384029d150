package org.hamster.chain.client.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.DigestItems;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.TxStatus;
import org.hamster.chain.client.ChainProperties;
import org.hamster.common.Hex;
import org.hamster.crypto.DevAccounts;
import org.junit.jupiter.api.Test;

class WireTest {
    private static final String H1 = "0x" + "11".repeat(32);
    private static final String H2 = "0x" + "22".repeat(32);

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    void queryStorageAtValuesComeBackInTheOrderOfTheKeys() throws Exception {
        List<java.util.Optional<byte[]>> v = Wire.values(json("[{'block':'" + H1 + "','changes':[['0x02','0xbb'],"
                + "['0x01','0xaa'],['0x03',null]]}]"), List.of(new byte[] {1}, new byte[] {3}, new byte[] {2},
                        new byte[] {4}));
        assertArrayEquals(new byte[] {(byte) 0xaa}, v.get(0).orElseThrow());
        assertTrue(v.get(1).isEmpty(), "a null value is absent");
        assertArrayEquals(new byte[] {(byte) 0xbb}, v.get(2).orElseThrow());
        assertTrue(v.get(3).isEmpty(), "a key the node did not report is absent");
    }

    @Test
    void headerRoundTripsToTheSameBlockHash() throws Exception {
        byte[] digest = DigestItems.preRuntime("aura".getBytes(), new byte[] {1, 2, 3});
        Header expected = new Header(H256.fromHex(H1), 300, H256.fromHex(H2), H256.ZERO, List.of(digest));
        Header h = Wire.header(json("{'parentHash':'" + H1 + "','number':'0x12c','stateRoot':'" + H2
                + "','extrinsicsRoot':'" + H256.ZERO.hex() + "','digest':{'logs':['" + Hex.encode(digest) + "']}}"));
        assertEquals(expected.hash(), h.hash());
        assertEquals(300, h.number());
    }

    @Test
    void runtimeVersionWithNumbersOrHex() throws Exception {
        RuntimeVersion v = Wire.runtimeVersion(json("{'specName':'hamster','implName':'hamster-karaf',"
                + "'authoringVersion':1,'specVersion':'0x65','implVersion':1,'apis':[['0xdf6acb689907609b',4]],"
                + "'transactionVersion':2,'stateVersion':1}"));
        assertEquals("hamster", v.specName());
        assertEquals(101, v.specVersion());
        assertEquals(2, v.transactionVersion());
        assertArrayEquals(Hex.decode("0xdf6acb689907609b"), v.apis().get(0).id());
        assertEquals(4, v.apis().get(0).version());
    }

    @Test
    void txStatuses() throws Exception {
        assertEquals(TxStatus.Kind.READY, Wire.txStatus(json("'ready'")).kind());
        assertEquals(TxStatus.Kind.FUTURE, Wire.txStatus(json("'future'")).kind());
        TxStatus in = Wire.txStatus(json("{'inBlock':'" + H1 + "'}"));
        assertEquals(TxStatus.Kind.IN_BLOCK, in.kind());
        assertEquals(H256.fromHex(H1), in.block());
        assertEquals(TxStatus.Kind.FINALIZED, Wire.txStatus(json("{'finalized':'" + H2 + "'}")).kind());
        assertTrue(Wire.txStatus(json("{'usurped':'" + H2 + "'}")).terminal());
        assertTrue(Wire.txStatus(json("'dropped'")).terminal());
        assertTrue(Wire.txStatus(json("'invalid'")).terminal());
        assertEquals("too old", Wire.txStatus(json("{'invalid':'too old'}")).reason());
        assertTrue(Wire.txStatus(json("{'finalityTimeout':'" + H1 + "'}")).terminal());
        assertEquals(TxStatus.Kind.READY, Wire.txStatus(json("{'retracted':'" + H1 + "'}")).kind());
        assertNull(Wire.txStatus(json("{'broadcast':['peer']}")));
    }

    @Test
    void storageChangeWithAbsentValues() throws Exception {
        StorageChange c = Wire.storageChange(json("{'block':'" + H1 + "','changes':[['0x01','0x0203'],['0x04',null]]}"));
        assertEquals(H256.fromHex(H1), c.block());
        assertArrayEquals(new byte[] {2, 3}, c.changes().get(0).value());
        assertNull(c.changes().get(1).value());
    }

    @Test
    void propertiesAndFees() throws Exception {
        ChainProperties p = Wire.properties(json("{'ss58Format':42,'tokenDecimals':[12],'tokenSymbol':['HAM'],'x':null}"));
        assertEquals(42, p.ss58Format());
        assertEquals(12, p.tokenDecimals());
        assertEquals("HAM", p.tokenSymbol());
        FeeInfo snake = Wire.feeInfo(json("{'weight':{'ref_time':7,'proof_size':8},'class':'normal','partialFee':'5'}"));
        assertEquals(7, snake.refTime());
        assertEquals(8, snake.proofSize());
        FeeInfo f = Wire.feeInfo(json("{'weight':{'refTime':100,'proofSize':'0x10'},'class':'operational',"
                + "'partialFee':'1234567890123456789012'}"));
        assertEquals(100, f.refTime());
        assertEquals(16, f.proofSize());
        assertEquals(1, f.dispatchClass());
        assertEquals(new BigInteger("1234567890123456789012"), f.partialFee());
    }

    @Test
    void parametersBecomeSubstrateJson() {
        AccountId alice = AccountId.of(DevAccounts.publicKey("Alice"));
        assertEquals("[\"0x0102\",\"" + H1 + "\",\"" + alice.ss58() + "\",5,null,[\"0x03\"]]",
                Json.array(new byte[] {1, 2}, H256.fromHex(H1), alice, 5, null, List.of(new byte[] {3}), null)
                        .toString());
    }
}

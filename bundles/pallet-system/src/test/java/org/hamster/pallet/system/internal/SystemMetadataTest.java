package org.hamster.pallet.system.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.H256;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.common.Hex;
import org.hamster.pallet.system.AccountData;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.DispatchInfo;
import org.hamster.pallet.system.SystemCall;
import org.hamster.pallet.system.SystemError;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.junit.jupiter.api.Test;

class SystemMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** DispatchInfo as frame_support nests it. */
    public record Info(Weight weight, DispatchClass dispatchClass, Pays paysFee) {
        static Info of(DispatchInfo i) {
            return new Info(new Weight(i.refTime(), i.proofSize()), DispatchClass.values()[i.dispatchClass()],
                    i.paysFee() ? Pays.Yes : Pays.No);
        }
    }

    public record Weight(long refTime, long proofSize) {
    }

    public enum DispatchClass { Normal, Operational, Mandatory }

    public enum Pays { Yes, No }

    private static SystemPallet configured(String constants) throws Exception {
        SystemPallet p = new SystemPallet();
        p.configure(JSON.readTree(constants));
        return p;
    }

    @Test
    void theMetadataDescribesTheCodecs() throws Exception {
        AccountInfo info = new AccountInfo(3, 1, 2, 0, new AccountData(BigInteger.TEN.pow(18), BigInteger.TWO,
                BigInteger.ONE, AccountData.NEW_LOGIC));
        MetadataConformance.of(configured("{\"blockHashCount\": 2400}")).as(DispatchInfo.class, Info::of)
                .calls(SystemCall.class)
                .events(SystemEvent.class).errors(SystemError.class).storage(SystemStorage.class)
                .sample(SystemStorage.ACCOUNT, TestAccounts.ALICE, info)
                .sample(SystemStorage.BLOCK_HASH, 7L, H256.of(new byte[32]))
                .sample(SystemStorage.NUMBER, 8L).sample(SystemStorage.EXTRINSIC_COUNT, 2L)
                .sample(SystemStorage.EVENT_COUNT, 5L).constants().verify();
    }

    @Test
    void theConstantsAreTheConfiguredOnes() throws Exception {
        List<PalletMeta.Constant> dev = configured("{\"blockHashCount\": 2400}").metadata().constants();
        assertEquals(List.of("BlockHashCount", "SS58Prefix"), dev.stream().map(PalletMeta.Constant::name).toList());
        assertEquals("0x60090000", Hex.encode(dev.get(0).value()));
        assertEquals("0x2a00", Hex.encode(dev.get(1).value()));
        PalletMeta other = configured("{\"blockHashCount\": 250, \"ss58Prefix\": 5}").metadata();
        assertArrayEquals(new byte[] {(byte) 250, 0, 0, 0}, other.constants().get(0).value());
        assertArrayEquals(new byte[] {5, 0}, other.constants().get(1).value());
        assertThrows(IllegalArgumentException.class, () -> configured("{\"blockHashCount\": 0}"));
        assertThrows(IllegalArgumentException.class, () -> configured("{\"blockHashCount\": 4294967296}"));
        assertThrows(IllegalArgumentException.class, () -> configured("{\"ss58Prefix\": 16384}"));
    }
}

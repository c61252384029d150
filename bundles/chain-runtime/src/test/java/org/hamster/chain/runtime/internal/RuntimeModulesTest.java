package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.metadata.MetadataV14;
import org.hamster.metadata.MetadataV14Reader;
import org.hamster.metadata.ScaleValues;
import org.junit.jupiter.api.Test;

/** The runtime's metadata comes from its pallets' own descriptions, built once, after configuration. */
class RuntimeModulesTest {
    /** A pallet with one constant, configured from the spec; {@code describe} false: no metadata. */
    static final class Counter implements Pallet {
        private final boolean describe;
        private long step = -1;

        Counter(boolean describe) {
            this.describe = describe;
        }

        @Override
        public String name() {
            return "Counter";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void configure(com.fasterxml.jackson.databind.JsonNode constants) {
            step = constants.path("step").asLong(1);
        }

        @Override
        public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
            throw new ScaleException("no calls");
        }

        @Override
        public void dispatch(RuntimeContext ctx, Origin origin, Call call) {
            throw new IllegalStateException("no calls");
        }

        @Override
        public void skipEventFields(int eventIndex, ScaleReader r) {
            throw new ScaleException("no events");
        }

        @Override
        public PalletMeta metadata() {
            if (!describe) {
                return null;
            }
            return PalletMeta.builder("Counter").constant("Step", StdTypes.U64,
                    new ScaleWriter().u64(step).toByteArray(), "Added on every increment.").build();
        }
    }

    private static ChainSpec spec() throws Exception {
        return ChainSpec.parse(new ObjectMapper().readTree("{\"name\": \"Test\", \"id\": \"test\", \"runtime\": "
                + "{\"specName\": \"test\", \"pallets\": [{\"name\": \"Counter\", \"index\": 3, "
                + "\"constants\": {\"step\": 7}}]}}"));
    }

    @Test
    void metadataHoldsTheConfiguredPallets() throws Exception {
        ChainSpec spec = spec();
        Counter counter = new Counter(true);
        counter.configure(spec.pallets().get(0).constants());
        RuntimeModules modules = new RuntimeModules(spec, Map.of(3, counter));
        MetadataV14 md = MetadataV14Reader.read(modules.metadata());
        assertEquals(1, md.pallets().size());
        MetadataV14.PalletMetadata p = md.pallets().get(0);
        assertEquals("Counter", p.name());
        assertEquals(3, p.index());
        MetadataV14.ConstantMetadata step = p.constant("Step").orElseThrow();
        assertEquals(7, ScaleValues.decodeAll(md.types(), step.type(), step.value()).asLong());
    }

    @Test
    void aPalletWithoutMetadataIsRefusedByName() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuntimeModules(spec(), Map.of(3, new Counter(false))));
        assertTrue(e.getMessage().contains("Counter") && e.getMessage().contains("metadata"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new RuntimeModules(spec(), Map.of()));
        assertTrue(missing.getMessage().contains("Counter"), missing.getMessage());
    }

    @Test
    void theSs58PrefixOfSystemMustAgreeWithTheSpecsProperties() throws Exception {
        String json = "{\"name\": \"Test\", \"id\": \"test\", \"properties\": {\"ss58Format\": 42}, \"runtime\": "
                + "{\"specName\": \"test\", \"pallets\": [{\"name\": \"System\", \"index\": 0, "
                + "\"constants\": {\"ss58Prefix\": %d}}]}}";
        assertEquals(42, ChainSpec.parse(new ObjectMapper().readTree(String.format(json, 42))).pallets().get(0)
                .constants().path("ss58Prefix").asInt());
        Exception e = assertThrows(org.hamster.common.HamsterException.class,
                () -> ChainSpec.parse(new ObjectMapper().readTree(String.format(json, 7))));
        assertTrue(e.getMessage().contains("System.ss58Prefix 7 differs from properties.ss58Format 42"), e.getMessage());
    }
}

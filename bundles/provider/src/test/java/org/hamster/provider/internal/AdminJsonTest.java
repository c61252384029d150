package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.common.Bytes;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.provider.ProviderAccount;
import org.hamster.provider.RefusedException;
import org.hamster.provider.ResourceSpec;
import org.hamster.provider.ResourceView;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.Test;

class AdminJsonTest {
    private static final BigInteger HAM = BigInteger.TEN.pow(12);

    private static void badRequest(Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(400, e.status());
        assertEquals("bad-request", e.code());
    }

    @Test
    void amountsAreHamTextBothWays() {
        assertEquals(HAM.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO),
                AdminJson.amount("amount", "1.5", 12));
        assertEquals(BigInteger.valueOf(7), AdminJson.amount("amount", "7p", 12));
        for (String bad : new String[] {null, "", "-1", "abc", "1.0000000000001", "1.5p"}) {
            badRequest(() -> AdminJson.amount("amount", bad, 12));
        }
        assertEquals("1.5", AdminJson.ham(HAM.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO), 12));
        assertEquals("100", AdminJson.ham(HAM.multiply(BigInteger.valueOf(100)), 12));
        assertEquals("0", AdminJson.ham(BigInteger.ZERO, 12));
        assertEquals("0.000000000001", AdminJson.ham(BigInteger.ONE, 12));
    }

    @Test
    void numbersAndIdsAreWhole() {
        assertEquals(5, AdminJson.number("hours", new BigDecimal("5")));
        badRequest(() -> AdminJson.number("hours", null));
        badRequest(() -> AdminJson.number("hours", new BigDecimal("1.5")));
        badRequest(() -> AdminJson.number("hours", new BigDecimal("1e30")));
        assertEquals(12, AdminJson.id("12"));
        badRequest(() -> AdminJson.id("-1"));
        badRequest(() -> AdminJson.id("x"));
        badRequest(() -> AdminJson.body(null));
    }

    @Test
    void aRegistrationBodyBecomesASpec() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AdminJson.ResourceBody body = json.readValue("{\"cpu\":2,\"memoryGiB\":4,\"diskGiB\":20,"
                + "\"pricePerHour\":\"0.5\",\"rentableHours\":24}", AdminJson.ResourceBody.class);
        assertEquals(new ResourceSpec(2, 4, 20, null, null, HAM.divide(BigInteger.TWO), 24), body.spec(12));
        badRequest(() -> new AdminJson.ResourceBody(BigDecimal.ONE, BigDecimal.ONE, null, null, null, "1",
                BigDecimal.ONE).spec(12));
        assertThrows(UnrecognizedPropertyException.class, () -> json.readValue("{\"amount\":\"1\",\"to\":\"x\"}",
                AdminJson.AmountBody.class));
    }

    @Test
    void answersCarryAmountsAsText() {
        AccountId me = AccountId.of(Ed25519.generate().publicKey());
        ProviderAccount a = new ProviderAccount(me.ss58(), HAM, HAM.multiply(BigInteger.TEN), HAM, HAM.multiply(
                BigInteger.valueOf(9)), HAM, List.of(new ProviderAccount.Earning(3, 1, "USING", HAM)));
        assertEquals(new AdminJson.Account(me.ss58(), "1", "10", "1", "9", "1", List.of(new AdminJson.Earning(3, 1,
                "USING", "1"))), AdminJson.Account.of(a, 12));
        Resource r = new Resource(4, me, text("12D3KooW"), new ResourceConfig(2, 4, 20, text("Debian 12"),
                text("EPYC"), null, null), HAM.multiply(BigInteger.TWO), 24, 0, 86_400_000, ResourceStatus.OFFLINE);
        ResourceView v = ProviderAdmin.view(r);
        assertEquals(new ResourceView(4, "12D3KooW", 2, 4, 20, "Debian 12", "EPYC", HAM.multiply(BigInteger.TWO),
                Instant.ofEpochMilli(86_400_000), "OFFLINE"), v);
        assertEquals("2", AdminJson.Resource.of(v, 12).pricePerHour());
    }

    @Test
    void earningsListRunningLeasesAndRentLeft() {
        AccountId me = AccountId.of(Ed25519.generate().publicKey());
        ProviderAccount a = ProviderAdmin.account(me.ss58(), HAM, new PledgeInfo(HAM.multiply(BigInteger.TEN), HAM),
                List.of(ReconcilerTest.agreement(1, 1, AgreementStatus.USING, 0),
                        ReconcilerTest.agreement(2, 2, AgreementStatus.FINISHED, 0),
                        ReconcilerTest.agreement(3, 3, AgreementStatus.FINISHED, 0).settledTo(5, BigInteger.TEN,
                                true)));
        assertEquals(List.of(new ProviderAccount.Earning(1, 5, "USING", BigInteger.ZERO),
                new ProviderAccount.Earning(3, 5, "FINISHED", BigInteger.TEN)), a.earnings());
        assertEquals(BigInteger.TEN, a.withdrawable());
        assertEquals(HAM.multiply(BigInteger.valueOf(9)), a.pledgeFree());
    }

    @Test
    void failuresBecomeTheirStatus() {
        assertEquals(409, ApiErrors.of(new RefusedException("Provider.NotOffline", null)).status());
        assertEquals("refused by the chain: Provider.NotOffline",
                ApiErrors.of(new RefusedException("Provider.NotOffline", null)).getMessage());
        assertEquals(400, ApiErrors.of(new HamsterException(ErrorCode.INVALID_INPUT, "x")).status());
        assertEquals(404, ApiErrors.of(new HamsterException(ErrorCode.NOT_FOUND, "x")).status());
        assertEquals(503, ApiErrors.of(new HamsterException(ErrorCode.UNAVAILABLE, "x")).status());
        assertEquals("chain-unavailable", ApiErrors.of(new HamsterException(ErrorCode.UNAVAILABLE, "x")).code());
        assertEquals(502, ApiErrors.of(new HamsterException(ErrorCode.RPC, "x")).status());
    }

    private static Bytes text(String s) {
        return Bytes.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

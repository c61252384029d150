package org.hamster.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.client.MarketQuery;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.Test;

/** How the REST API answers the client's failures and reads its parameters. */
class ClientResourceTest {
    private static ApiException api(Reason r, String chainError) {
        return ClientResource.api(new ClientException(r, "why", chainError, null));
    }

    @Test
    void eachReasonHasItsStatus() {
        assertEquals(400, api(Reason.INVALID_INPUT, null).status());
        assertEquals(404, api(Reason.NOT_FOUND, null).status());
        assertEquals(409, api(Reason.LOCKED, null).status());
        assertEquals("account-locked", api(Reason.LOCKED, null).code());
        assertEquals(409, api(Reason.CONFLICT, null).status());
        ApiException refused = api(Reason.REFUSED, "ResourceOrder.OrderNotPending");
        assertEquals(409, refused.status());
        assertEquals("chain-refused", refused.code());
        assertEquals(503, api(Reason.CHAIN_UNAVAILABLE, null).status());
    }

    @Test
    void badParametersAre400() throws Exception {
        assertEquals(MarketQuery.Sort.REPUTATION, ClientResource.sort(" Reputation "));
        assertEquals(MarketQuery.Sort.PRICE, ClientResource.sort(null));
        ClientResource r = new ClientResource();
        assertEquals(400, assertThrows(ApiException.class, () -> r.market("x", null, null, null, null, null, null))
                .status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.market(null, null, null, null, "size", null, null))
                .status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.market(null, null, null, null, null, "maybe",
                null)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.cancel("one")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.buy(null)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.buy(new ClientResource.BuyRequest(1L, null,
                null))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.link(new ClientResource.LinkRequest(null, 0)))
                .status());
        assertEquals(400, assertThrows(ApiException.class, () -> r.unlink("")).status());
    }
}

package org.hamster.provider.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.provider.ProviderAccount;
import org.hamster.provider.ResourceSpec;
import org.hamster.provider.ResourceView;
import org.hamster.rest.ApiException;

/**
 * The JSON of the provider's management API: request bodies (strict: unknown fields are refused by the REST
 * bundle's reader) and answers, with amounts as decimal HAM text ("1.5", or "1500000000000p" in planck on input).
 */
final class AdminJson {
    private AdminJson() {
    }

    public record AmountBody(String amount) {
    }

    public record PriceBody(String pricePerHour) {
    }

    public record HoursBody(BigDecimal hours) {
    }

    public record AgreementBody(BigDecimal agreement) {
    }

    public record ResourceBody(BigDecimal cpu, BigDecimal memoryGiB, BigDecimal diskGiB, String system,
            String cpuModel, String pricePerHour, BigDecimal rentableHours) {
        ResourceSpec spec(int decimals) {
            return new ResourceSpec(number("cpu", cpu), number("memoryGiB", memoryGiB), number("diskGiB", diskGiB),
                    system, cpuModel, amount("pricePerHour", pricePerHour, decimals), number("rentableHours",
                            rentableHours));
        }
    }

    public record Account(String address, String free, String pledgeTotal, String pledgeLocked, String pledgeFree,
            String withdrawable, List<Earning> earnings) {
        static Account of(ProviderAccount a, int decimals) {
            return new Account(a.address(), ham(a.free(), decimals), ham(a.pledgeTotal(), decimals),
                    ham(a.pledgeLocked(), decimals), ham(a.pledgeFree(), decimals), ham(a.withdrawable(), decimals),
                    a.earnings().stream().map(e -> new Earning(e.agreement(), e.resource(), e.status(),
                            ham(e.withdrawable(), decimals))).toList());
        }
    }

    public record Earning(long agreement, long resource, String status, String withdrawable) {
    }

    public record Resource(long id, String peerId, long cpu, long memoryGiB, long diskGiB, String system,
            String cpuModel, String pricePerHour, Instant rentableUntil, String status) {
        static Resource of(ResourceView r, int decimals) {
            return new Resource(r.id(), r.peerId(), r.cpu(), r.memoryGiB(), r.diskGiB(), r.system(), r.cpuModel(),
                    ham(r.pricePerHour(), decimals), r.rentableUntil(), r.status());
        }
    }

    /** Planck as HAM text without trailing zeros: "1.5", "100", "0". */
    static String ham(BigInteger planck, int decimals) {
        return new BigDecimal(planck).movePointLeft(decimals).stripTrailingZeros().toPlainString();
    }

    /** A required amount in HAM (or planck with a p suffix): 400 when absent or not an amount. */
    static BigInteger amount(String field, String text, int decimals) {
        if (text == null) {
            throw missing(field);
        }
        try {
            return TokenAmount.parse(text, decimals);
        } catch (HamsterException e) {
            throw ApiException.badRequest("bad-request", field + ": " + e.getMessage());
        }
    }

    /** A required whole number: 400 when absent, fractional or beyond a long; its range is the API's to check. */
    static long number(String field, BigDecimal value) {
        if (value == null) {
            throw missing(field);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.badRequest("bad-request", field + " must be a whole number, not " + value);
        }
    }

    /** A resource id from the path: 400 unless digits. */
    static long id(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("bad-request", "not a resource id: " + text);
        }
        return Long.parseLong(text);
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest("bad-request", "a JSON body is required");
        }
        return body;
    }

    private static ApiException missing(String field) {
        return ApiException.badRequest("bad-request", field + " is required");
    }
}

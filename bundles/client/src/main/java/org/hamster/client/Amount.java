package org.hamster.client;

/**
 * An amount of the chain's token.
 *
 * @param units the amount in the smallest unit (planck), as decimal digits: JSON numbers lose precision above 2^53
 * @param text the same for people, e.g. {@code 1.5 HAM}
 */
public record Amount(String units, String text) {
}

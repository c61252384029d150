package org.hamster.client;

/**
 * An account of the client's encrypted keystore.
 *
 * @param name its keystore name
 * @param address its SS58 address
 * @param inUse whether it is the account the client buys and links with
 */
public record AccountView(String name, String address, boolean inUse) {
}

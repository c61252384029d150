package org.hamster.client;

/**
 * Who the client is and whether it can act.
 *
 * @param account the keystore account name in use, null when none is set
 * @param address its SS58 address, null when unknown (no account, or no such key in the keystore)
 * @param unlocked whether its key is in memory, so that the client can buy, cancel, renew, claim and link
 * @param chainUrl the node's WebSocket URL (the chain client's {@code url})
 * @param chainConnected whether the node answers now
 * @param balance the account's balance, null when unknown (no address, or the node does not answer)
 * @param peerId the client's libp2p peer id
 * @param links links open now
 * @param detail a sentence for people on what to do next, if anything
 */
public record ClientStatus(String account, String address, boolean unlocked, String chainUrl, boolean chainConnected,
        Balance balance, String peerId, int links, String detail) {
    /**
     * @param free the free balance
     * @param reserved the reserved balance (e.g. a provider's pledge)
     * @param transferable what can be spent now (free minus frozen)
     */
    public record Balance(Amount free, Amount reserved, Amount transferable) {
    }
}

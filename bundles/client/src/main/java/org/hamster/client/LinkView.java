package org.hamster.client;

/**
 * A 127.0.0.1 port whose connections are carried to a leased machine's SSH server.
 *
 * @param agreement the lease
 * @param port the local port
 * @param peerId the provider's libp2p peer id
 * @param route the path of the last connection: NONE before the first one
 * @param gateway the gateway's peer id on a relayed route, null otherwise
 * @param address the multiaddr of that route
 * @param connections local connections accepted
 * @param active connections carried now
 * @param failed connections that found no route or were refused by the provider
 * @param bytesToMachine bytes sent to the machine
 * @param bytesFromMachine bytes received from it
 * @param lastError why the last failed connection failed, null if none did
 * @param sshCommand the command that logs in through the link
 */
public record LinkView(long agreement, int port, String peerId, Route route, String gateway, String address,
        long connections, int active, long failed, long bytesToMachine, long bytesFromMachine, String lastError,
        String sshCommand) {
    /** How a link reaches the provider. */
    public enum Route {
        NONE, DIRECT, RELAYED
    }
}

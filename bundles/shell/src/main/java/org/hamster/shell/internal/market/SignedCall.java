package org.hamster.shell.internal.market;

import java.math.BigInteger;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.hamster.chain.EventRecord;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.chain.client.TxInBlock;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.crypto.Ed25519;
import org.hamster.shell.internal.Keys;

/**
 * A market command that signs one call with a keystore account (or a dev URI), submits it through the node's RPC
 * and waits for its block; prints the block and the market events the call caused.
 */
abstract class SignedCall implements Action {
    @Reference
    ChainClient client;

    @Reference
    Session session;

    @Argument(index = 0, name = "account", required = true,
            description = "Keystore account name, or a secret URI such as //Bob (development only)")
    String account;

    @Option(name = "--password", description = "Keystore password (prompted when omitted)")
    String password;

    /** The encoded call to sign. */
    abstract byte[] call(Market market) throws HamsterException;

    @Override
    public Object execute() throws Exception {
        Market market = client.market();
        try {
            Ed25519.KeyPair key = Keys.resolve(account, password, session);
            byte[] call = call(market);
            TxInBlock r = ChainClient.await(client.signer().submitAndWaitInBlock(key, call));
            long number = ChainClient.await(client.header(r.blockHash())).map(h -> h.number()).orElse(-1L);
            System.out.printf("In block #%d %s%n", number, r.blockHash());
            for (EventRecord e : r.events()) {
                print(market, e);
            }
        } catch (TransactionInvalidException e) {
            throw new IllegalArgumentException("Refused: " + (e.callError() != null ? e.callError() : e.getMessage()));
        } catch (ExtrinsicFailedException e) {
            throw new IllegalArgumentException("Failed in its block: " + e.errorName());
        } catch (HamsterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }

    private static void print(Market market, EventRecord e) {
        market.providerEvents(java.util.List.of(e)).forEach(x -> System.out.println("  " + x));
        market.orderEvents(java.util.List.of(e)).forEach(x -> System.out.println("  " + x));
    }

    /** Parses an amount in tokens ("1.5") or base units ("1500000000000p") with the chain's decimals. */
    BigInteger amount(String text) throws HamsterException {
        int decimals = ChainClient.await(client.systemProperties()).tokenDecimals();
        return TokenAmount.parse(text, decimals);
    }
}

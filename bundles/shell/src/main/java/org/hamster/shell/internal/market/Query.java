package org.hamster.shell.internal.market;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainProperties;
import org.hamster.common.Bytes;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;

/** A read-only market command: queries the chain through the node's RPC and prints a table. */
abstract class Query implements Action {
    @Reference
    ChainClient client;

    private ChainProperties props;

    abstract void run() throws HamsterException;

    @Override
    public Object execute() {
        try {
            props = ChainClient.await(client.systemProperties());
            run();
        } catch (HamsterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }

    String tokens(BigInteger units) {
        return TokenAmount.format(units, props.tokenDecimals()) + " " + props.tokenSymbol();
    }

    static AccountId account(String text) throws HamsterException {
        return AccountId.parse(text);
    }

    static String text(Bytes b) {
        return b == null ? "" : new String(b.unsafeArray(), StandardCharsets.UTF_8);
    }

    static String time(long chainMs) {
        return Instant.ofEpochMilli(chainMs).toString();
    }
}

package org.hamster.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.RuntimeVersion;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;

/** Signs balance transfers and reads balances through the RPC, as a wallet would. */
public final class Transfers {
    private final Rpc rpc;

    public Transfers(Rpc rpc) {
        this.rpc = rpc;
    }

    public AccountInfo account(AccountId who) throws IOException, InterruptedException {
        JsonNode v = rpc.call("state_getStorage", Hex.encode(SystemStorage.ACCOUNT.key(who)));
        return v.isNull() ? AccountInfo.EMPTY : AccountInfo.CODEC.decode(new ScaleReader(Hex.decode(v.asText())));
    }

    /** Submits a transfer_allow_death; returns the extrinsic hash reported by the node. */
    public String transfer(Ed25519.KeyPair from, AccountId to, BigInteger amount) throws IOException, InterruptedException {
        byte[] call = org.hamster.chain.client.Calls.dev().transferAllowDeath(to, amount);
        JsonNode v = rpc.call("state_getRuntimeVersion");
        RuntimeVersion version = new RuntimeVersion(v.get("specName").asText(), v.get("implName").asText(), 1,
                v.get("specVersion").asLong(), 1, List.of(), v.get("transactionVersion").asLong(), 1);
        H256 genesis = H256.fromHex(rpc.call("chain_getBlockHash", 0).asText());
        long nonce = rpc.call("system_accountNextIndex", AccountId.of(from.publicKey()).ss58()).asLong();
        byte[] xt = ExtrinsicSigner.sign(from, call, nonce, BigInteger.ZERO, Era.IMMORTAL, version,
                genesis, genesis);
        return rpc.call("author_submitExtrinsic", Hex.encode(xt)).asText();
    }

    /** Waits until a block containing the extrinsic is the best block or an ancestor of it; returns its number. */
    public long awaitInBlock(String xtHash, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        long checked = 0;
        while (System.nanoTime() < end) {
            long best = Long.decode(rpc.call("chain_getHeader").get("number").asText());
            for (long n = checked + 1; n <= best; n++) {
                String hash = rpc.call("chain_getBlockHash", n).asText();
                for (JsonNode x : rpc.call("chain_getBlock", hash).get("block").get("extrinsics")) {
                    if (Hex.encode(org.hamster.crypto.Blake2b.hash256(Hex.decode(x.asText()))).equals(xtHash)) {
                        return n;
                    }
                }
                checked = n;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("extrinsic " + xtHash + " not in a block after " + timeout);
    }
}

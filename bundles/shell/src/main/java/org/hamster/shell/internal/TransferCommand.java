package org.hamster.shell.internal;

import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.hamster.chain.AccountId;
import org.hamster.chain.ChainService;
import org.hamster.chain.Era;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TxStatus;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.crypto.Ed25519;

@Command(scope = "hamster", name = "transfer", description = "Signs and submits a balance transfer, then waits "
        + "for its block")
@Service
public class TransferCommand implements Action {
    @Reference(optional = true) // commands of this bundle must not wait for a local node on other roles
    ChainService chain;

    @Reference
    Session session;

    @Argument(index = 0, name = "from", required = true,
            description = "Keystore account name, or a secret URI such as //Alice (development only)")
    String from;

    @Argument(index = 1, name = "to", required = true, description = "Destination SS58 address or 0x public key")
    String to;

    @Argument(index = 2, name = "amount", required = true,
            description = "Amount in tokens (1.5) or base units with a p suffix (1500000000000p)")
    String amount;

    @Option(name = "--keep-alive", description = "Refuse if the sender would fall below the existential deposit")
    boolean keepAlive;

    @Option(name = "--password", description = "Keystore password (prompted when omitted)")
    String password;

    @Override
    public Object execute() throws Exception {
        LocalNode.require(chain);
        try {
            Ed25519.KeyPair key = Keys.resolve(from, password, session);
            AccountId dest = AccountId.parse(to);
            BigInteger value = TokenAmount.parse(amount, Tokens.decimals(chain));
            ScaleWriter call = new ScaleWriter().u8(chain.palletIndices().get("Balances")).u8(keepAlive ? 3 : 0).u8(0);
            AccountId.CODEC.encode(call, dest);
            call.compact(value);
            Header best = chain.bestHeader();
            AccountId sender = AccountId.of(key.publicKey());
            byte[] xt = ExtrinsicSigner.sign(key, call.toByteArray(), chain.accountNextIndex(sender), BigInteger.ZERO,
                    Era.mortal(64, best.number()), chain.runtimeVersion(), chain.info().genesisHash(), best.hash());
            CompletableFuture<H256> inBlock = new CompletableFuture<>();
            H256 hash = chain.submitAndWatch(xt, s -> {
                if (s.kind() == TxStatus.Kind.IN_BLOCK) {
                    inBlock.complete(s.block());
                } else if (s.terminal() && s.kind() != TxStatus.Kind.FINALIZED) {
                    inBlock.completeExceptionally(new IllegalStateException(s.kind() + ": " + s.reason()));
                }
            });
            System.out.println("Submitted " + hash);
            H256 block = inBlock.get(60, TimeUnit.SECONDS);
            long number = chain.header(block).map(Header::number).orElse(-1L);
            System.out.printf("In block #%d %s: %s %s -> %s%n", number, block,
                    TokenAmount.format(value, Tokens.decimals(chain)), Tokens.symbol(chain), dest);
        } catch (HamsterException | TransactionRejected e) {
            throw new IllegalArgumentException("Transfer refused: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new IllegalArgumentException("Submitted, but not in a block after 60 s");
        }
        return null;
    }
}

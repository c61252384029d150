package org.hamster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.AccountId;
import org.hamster.chain.ChainService;
import org.hamster.codec.ScaleReader;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;

@Command(scope = "hamster", name = "account", description = "Nonce and balances of an account")
@Service
public class AccountCommand implements Action {
    @Reference(optional = true) // commands of this bundle must not wait for a local node on other roles
    ChainService chain;

    @Argument(index = 0, name = "address", required = true, description = "SS58 address or 0x public key")
    String address;

    @Override
    public Object execute() {
        LocalNode.require(chain);
        AccountId who;
        try {
            who = AccountId.parse(address);
        } catch (HamsterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        int decimals = Tokens.decimals(chain);
        String symbol = Tokens.symbol(chain);
        AccountInfo a = chain.storage(SystemStorage.ACCOUNT.key(who), null)
                .map(b -> AccountInfo.CODEC.decode(new ScaleReader(b))).orElse(AccountInfo.EMPTY);
        System.out.printf("Account   %s%nNonce     %d (next %d)%n", who, a.nonce(), chain.accountNextIndex(who));
        System.out.printf("Free      %s %s%n", TokenAmount.format(a.data().free(), decimals), symbol);
        System.out.printf("Reserved  %s %s%n", TokenAmount.format(a.data().reserved(), decimals), symbol);
        System.out.printf("Frozen    %s %s%n", TokenAmount.format(a.data().frozen(), decimals), symbol);
        return null;
    }
}

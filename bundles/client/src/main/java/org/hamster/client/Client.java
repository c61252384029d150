package org.hamster.client;

import java.math.BigInteger;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The tenant: one keystore account on the chain the chain client reaches, and this Karaf's libp2p host for links.
 * Operations that sign need the account unlocked (a configured password file does that at start, or
 * {@link #unlock}); reads need only its address. Every failure is a {@link ClientException} whose reason tells
 * bad input (nothing sent), a missing or locked account, a conflict with the current state, a refusal by the chain
 * (naming the pallet error) and an unreachable node apart.
 */
@ProviderType
public interface Client {
    ClientStatus status();

    ClientSettings settings();

    /**
     * Changes the settings given (nulls stay); all are checked first, and nothing changes when one is bad. They are
     * stored in the configuration ({@code org.hamster.client}, and {@code org.hamster.chain.client} for the URL).
     * Returns the settings as they now are.
     */
    ClientSettings updateSettings(ClientSettings changes) throws ClientException;

    /**
     * Unlocks {@code account} (null: the configured one) with its keystore password and keeps the key in memory
     * until {@link #lock()}; the account becomes the one in use until the configuration names another.
     */
    ClientStatus unlock(String account, String password) throws ClientException;

    /** The keystore's accounts, by name. */
    List<AccountView> accounts() throws ClientException;

    /**
     * Imports an account into the encrypted keystore under {@code name}: from {@code secret} (a BIP39 mnemonic, a
     * 0x seed or a secret URI such as //Alice) encrypted with {@code password}, or from {@code polkadotJson} (a
     * polkadot.js export, which {@code password} decrypts and which is stored encrypted with it). Exactly one of
     * the two is given; an existing name is refused. It is not put in use: {@link #unlock} does that.
     */
    AccountView importAccount(String name, String secret, String polkadotJson, String password)
            throws ClientException;

    /** Forgets the key and closes every link (they sign each connection with it). */
    ClientStatus lock();

    /**
     * An amount typed by a person, in the smallest unit: tokens with up to the chain's decimals ({@code 1.5}), or
     * smallest units with a trailing {@code p} ({@code 1500000000000p}). Needs the node for the decimals.
     */
    BigInteger parseAmount(String text) throws ClientException;

    /** The machines on the market with their providers' reputation, filtered and sorted. */
    List<Offer> market(MarketQuery query) throws ClientException;

    /**
     * Orders {@code hours} of resource {@code resource}, paying price x hours into escrow; the machine gets
     * {@code sshPublicKey} (one OpenSSH line), or the configured key when null. Returns the new order.
     */
    OrderView buy(long resource, long hours, String sshPublicKey) throws ClientException;

    /**
     * The price of {@code hours} of {@code resource} now: rent and the order's transaction fee (with the configured
     * SSH key, or a typical one when none is set). Needs no unlocked account.
     */
    Quote quote(long resource, long hours) throws ClientException;

    /** The tenant's orders, newest first. */
    List<OrderView> orders() throws ClientException;

    /** Cancels a PROCESSING order, fully refunded; returns it as it now is. */
    OrderView cancel(long order) throws ClientException;

    /** Pays for {@code hours} more of a running lease; the provider's execution extends it. Returns that order. */
    OrderView renew(long agreement, long hours) throws ClientException;

    /** The tenant's leases, newest first, with their remaining time and open link. */
    List<AgreementView> resources() throws ClientException;

    Refunds refunds() throws ClientException;

    /** Collects every claimable refund; returns the amount paid out. */
    Amount claimRefunds() throws ClientException;

    /**
     * Opens a link for a running lease: 127.0.0.1:{@code port} (0 = a free port) whose every connection is carried
     * to the machine's SSH server, directly or through a gateway. An open link of the lease is returned as it is
     * when {@code port} is 0 or its own.
     */
    LinkView link(long agreement, int port) throws ClientException;

    List<LinkView> links();

    /** Closes the link of {@code agreement}; connections it carries end. */
    void unlink(long agreement) throws ClientException;
}

package org.hamster.client.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamster.chain.AccountId;
import org.hamster.client.AccountView;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.Keystore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's account: a name in the encrypted keystore and, once unlocked, its key, kept in memory until
 * {@link #lock()} or until another account is used. There is no default account and no built-in key.
 */
final class Wallet {
    private static final Logger LOG = LoggerFactory.getLogger(Wallet.class);
    private static final String NO_ACCOUNT = "no account: import one (hamster:key-import) and set account, or "
            + "unlock one";
    private final Keystore keystore;
    private volatile String name;
    private volatile Ed25519.KeyPair key;

    Wallet(Path keystoreDir) {
        this.keystore = new Keystore(keystoreDir);
    }

    /**
     * Uses account {@code account} (blank: none), unlocked with the password in {@code passwordFile} if one is
     * given. Returns true when the account in use changed (its key was forgotten). A file that does not unlock the
     * account is logged; the account then stays locked.
     */
    synchronized boolean configure(String account, String passwordFile) {
        String next = account == null || account.isBlank() ? null : account.strip();
        boolean changed = next == null ? name != null : !next.equals(name);
        if (changed) {
            name = next;
            key = null;
        }
        if (next != null && key == null && passwordFile != null && !passwordFile.isBlank()) {
            try {
                key = keystore.unlockWithPasswordFile(next, Path.of(passwordFile.strip()));
                LOG.info("client: account {} unlocked ({})", next, AccountId.of(key.publicKey()));
            } catch (HamsterException | RuntimeException e) {
                LOG.error("client: account {} stays locked: {}", next, e.getMessage());
            }
        }
        return changed;
    }

    /** Unlocks {@code account} (null: the one in use) and makes it the one in use; true if that changed it. */
    synchronized boolean unlock(String account, String password) throws ClientException {
        String target = account == null || account.isBlank() ? name : account.strip();
        if (target == null) {
            throw new ClientException(Reason.INVALID_INPUT, "no account given, and none is configured");
        }
        if (password == null) {
            throw new ClientException(Reason.INVALID_INPUT, "no password given");
        }
        if (!keystore.contains(target)) {
            throw new ClientException(Reason.NOT_FOUND, "no account '" + target + "' in the keystore "
                    + keystore.directory() + " (import one with hamster:key-import)");
        }
        Ed25519.KeyPair pair;
        try {
            pair = keystore.unlock(target, password);
        } catch (HamsterException e) {
            throw new ClientException(Reason.INVALID_INPUT, "cannot unlock '" + target + "': " + e.getMessage());
        }
        boolean changed = !target.equals(name);
        name = target;
        key = pair;
        return changed;
    }

    synchronized List<AccountView> accounts() throws ClientException {
        List<AccountView> all = new ArrayList<>();
        try {
            for (String n : keystore.list()) {
                all.add(new AccountView(n, keystore.address(n), n.equals(name)));
            }
        } catch (HamsterException e) {
            throw new ClientException(Reason.CONFLICT, e.getMessage());
        }
        return all;
    }

    synchronized AccountView importAccount(String account, String secret, String json, String password)
            throws ClientException {
        if (account == null || account.isBlank() || password == null || password.isEmpty()) {
            throw new ClientException(Reason.INVALID_INPUT, "an account name and a password are needed");
        }
        if ((secret == null || secret.isBlank()) == (json == null || json.isBlank())) {
            throw new ClientException(Reason.INVALID_INPUT, "give either a secret (mnemonic, 0x seed or //URI) or a "
                    + "polkadot.js JSON export");
        }
        String n = account.strip();
        if (keystore.contains(n)) {
            throw new ClientException(Reason.CONFLICT, "the keystore already has an account '" + n + "'");
        }
        try {
            String address = secret != null && !secret.isBlank() ? keystore.importKey(n, secret.strip(), password)
                    : keystore.importPolkadotJson(json, password, n);
            LOG.info("client: account {} ({}) imported into the keystore", n, address);
            return new AccountView(n, address, n.equals(name));
        } catch (HamsterException e) {
            throw new ClientException(Reason.INVALID_INPUT, "cannot import '" + n + "': " + e.getMessage());
        }
    }

    synchronized void lock() {
        key = null;
    }

    /** The account in use, null if none. */
    String name() {
        return name;
    }

    boolean unlocked() {
        return key != null;
    }

    boolean contains(String account) {
        return keystore.contains(account);
    }

    /** The SS58 address of the account in use: from its key, else from the keystore; empty if unknown. */
    Optional<String> address() {
        Ed25519.KeyPair k = key;
        if (k != null) {
            return Optional.of(AccountId.of(k.publicKey()).ss58());
        }
        String n = name;
        try {
            return n != null && keystore.contains(n) ? Optional.of(keystore.address(n)) : Optional.empty();
        } catch (HamsterException e) {
            return Optional.empty();
        }
    }

    /** The unlocked key; LOCKED when there is no account or it is locked. */
    Ed25519.KeyPair key() throws ClientException {
        Ed25519.KeyPair k = key;
        if (k == null) {
            throw new ClientException(Reason.LOCKED, name == null ? NO_ACCOUNT
                    : "account '" + name + "' is locked: unlock it (hamster:client-unlock) or set passwordFile");
        }
        return k;
    }

    /** The account in use, locked or not; LOCKED when there is none. */
    AccountId account() throws ClientException {
        Optional<String> a = address();
        if (a.isEmpty()) {
            throw new ClientException(Reason.LOCKED, name == null ? NO_ACCOUNT
                    : "account '" + name + "' is not in the keystore " + keystore.directory());
        }
        try {
            return AccountId.parse(a.get());
        } catch (HamsterException e) {
            throw new IllegalStateException("the keystore holds a bad address: " + a.get(), e);
        }
    }
}

package org.hamster.provider.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.Keystore;
import org.hamster.p2p.Multiaddr;

/**
 * What the provider needs before it starts: settings it can start with, and the configured account unlocked with
 * its password file. {@link #check} answers the key, or why there is none and what to set, in words for the
 * operator; {@link #watched} tells when a check is worth repeating (the keystore entry or the password file changed
 * on disk). Nothing is started and nothing but those two files is read.
 */
final class ConfigCheck {
    /** Where the settings are changed, for the reasons. */
    static final String WHERE = "in etc/" + ProviderComponent.PID + ".cfg, with hamster:provider-settings --set %s, "
            + "or in the web console's provider settings";

    private ConfigCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param key the unlocked account, null when the configuration does not give one
     * @param reason why not and what to do (null with a key)
     * @param watched the state of the files a fix would change ({@link #watched}), null when only a configuration
     *     change can fix it
     */
    record Outcome(Ed25519.KeyPair key, String reason, String watched) {
        static Outcome unlocked(Ed25519.KeyPair key) {
            return new Outcome(key, null, null);
        }

        static Outcome refused(String reason, String watched) {
            return new Outcome(null, reason, watched);
        }
    }

    /** Unlocks the configured account, or says why it cannot be: the checks run before anything starts. */
    static Outcome check(ProviderConfig cfg) {
        String account = cfg.account().strip();
        String passwordFile = cfg.passwordFile().strip();
        if (account.isEmpty()) {
            return Outcome.refused("no account is set; set account (a keystore account, see hamster:key-import) and "
                    + "passwordFile (a file with its password) " + String.format(WHERE,
                            "account=<name> --set passwordFile=<file>"), null);
        }
        Keystore keystore = new Keystore(ProviderComponent.dir(cfg.keystoreDir(), "keystore"));
        String watched = watched(cfg);
        if (!keystore.contains(account)) {
            return Outcome.refused("the keystore (" + keystore.directory() + ") has no account named '" + account
                    + "'; import it with hamster:key-import " + quoted(account) + " \"<mnemonic, //uri or 0x seed>\", "
                    + "or set account to " + known(keystore) + " " + String.format(WHERE, "account=<name>"),
                    watched);
        }
        if (passwordFile.isEmpty()) {
            return Outcome.refused("passwordFile is not set; set it to a file with the keystore password of account '"
                    + account + "' on its first line " + String.format(WHERE, "passwordFile=<file>"), null);
        }
        Path file = Path.of(passwordFile);
        String password;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return Outcome.refused("cannot read passwordFile " + file + " (" + problem(e) + "); write the keystore "
                    + "password of account '" + account + "' on its first line, readable by the Karaf user only, or set "
                    + "passwordFile to another file " + String.format(WHERE, "passwordFile=<file>"), watched);
        }
        if (password.isEmpty()) {
            return Outcome.refused("passwordFile " + file + " is empty; write the keystore password of account '"
                    + account + "' on its first line", watched);
        }
        String setting = settings(cfg);
        if (setting != null) {
            return Outcome.refused(setting, null);
        }
        try {
            return Outcome.unlocked(keystore.unlock(account, password));
        } catch (HamsterException e) {
            String why = e.getMessage().endsWith("wrong password")
                    ? "the password in passwordFile " + file + " does not unlock keystore account '" + account
                            + "' (wrong password); write that account's keystore password on its first line"
                    : "cannot unlock keystore account '" + account + "' (" + e.getMessage() + ")";
            return Outcome.refused(why, watched);
        }
    }

    /** What is wrong with the settings the provider starts with (null: nothing) that the settings API also checks. */
    static String settings(ProviderConfig cfg) {
        try {
            Multiaddr.parse(cfg.listenAddress().strip());
        } catch (HamsterException | RuntimeException e) {
            return "listenAddress '" + cfg.listenAddress() + "' is not a multiaddr such as /ip4/0.0.0.0/tcp/4002 ("
                    + e.getMessage() + "); set it in etc/" + ProviderComponent.PID + ".cfg";
        }
        if (cfg.sshPortFrom() < 1024 || cfg.sshPortTo() > 65535 || cfg.sshPortFrom() > cfg.sshPortTo()) {
            return "the SSH port range sshPortFrom " + cfg.sshPortFrom() + " to sshPortTo " + cfg.sshPortTo()
                    + " is not a range of ports from 1024 to 65535; set both " + String.format(WHERE,
                            "sshPortFrom=<port> --set sshPortTo=<port>");
        }
        return null;
    }

    /**
     * The size and modification time of the keystore entry and the password file (or that they are missing): the
     * files an operator fixes without changing the configuration. A check whose value differs is worth repeating.
     */
    static String watched(ProviderConfig cfg) {
        String account = cfg.account().strip();
        Path entry = ProviderComponent.dir(cfg.keystoreDir(), "keystore").resolve(account + ".json");
        return state(entry) + " " + (cfg.passwordFile().isBlank() ? "-" : state(Path.of(cfg.passwordFile().strip())));
    }

    private static String state(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException | RuntimeException e) {
            return "missing";
        }
    }

    private static String known(Keystore keystore) {
        try {
            List<String> names = keystore.list();
            return names.isEmpty() ? "an account you import (the keystore has none)"
                    : "one it has (" + String.join(", ", names) + ")";
        } catch (HamsterException e) {
            return "one it has";
        }
    }

    private static String quoted(String account) {
        return account.matches("[A-Za-z0-9._-]+") ? account : "\"" + account + "\"";
    }

    private static String problem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package org.hamster.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.internal.AccountJson;
import org.hamster.crypto.internal.Pkcs8;
import org.hamster.crypto.internal.PrivateFiles;
import org.hamster.crypto.internal.ScryptSecretBox;

/**
 * Password-encrypted Ed25519 accounts in a directory, one polkadot.js-compatible JSON file per account
 * ({@code <name>.json}, mode 600, written atomically). Every failure is a {@link ErrorCode#KEYSTORE} exception.
 */
public final class Keystore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String SUFFIX = ".json";
    private final Path directory;

    public Keystore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Creates an account from a new 24-word mnemonic and returns the phrase, which the user must write down. */
    public synchronized String create(String name, String password) throws HamsterException {
        String phrase = Mnemonic.generate(24);
        importKey(name, phrase, password);
        return phrase;
    }

    /** Stores the pair of a secret URI ({@code "<phrase>//hard///pw"}, {@code "0x<seed>"}); returns the address. */
    public synchronized String importKey(String name, String secretUri, String password) throws HamsterException {
        return importPair(name, KeyDerivation.pair(secretUri), password);
    }

    /** Stores the pair of a 32-byte seed; returns its address. */
    public synchronized String importSeed(String name, byte[] seed, String password) throws HamsterException {
        return importPair(name, Ed25519.fromSeed(seed), password);
    }

    /**
     * Stores an account exported by polkadot.js (or {@link #exportPolkadotJson}) under {@code name}; it stays
     * encrypted as exported, so it unlocks with the export's password.
     */
    public synchronized String importPolkadotJson(String json, String password, String name) throws HamsterException {
        AccountJson account = AccountJson.parse(json);
        Ed25519.KeyPair pair = decrypt(account, password);
        if (!account.address().isEmpty() && !Arrays.equals(Ss58.decode(account.address()), pair.publicKey())) {
            throw new HamsterException(ErrorCode.KEYSTORE, "the JSON's address does not match its key");
        }
        checkNew(name);
        write(name, new AccountJson(pair.address(), account.encoded(), account.meta()).withName(name));
        return pair.address();
    }

    /** The account's file content, a polkadot.js export encrypted with {@code password} (checked first). */
    public synchronized String exportPolkadotJson(String name, String password) throws HamsterException {
        AccountJson account = read(name);
        decrypt(account, password);
        return account.toJson();
    }

    public synchronized Ed25519.KeyPair unlock(String name, String password) throws HamsterException {
        return decrypt(read(name), password);
    }

    /**
     * Unlocks {@code name} with the password on the first line of {@code passwordFile} (how a headless role reads
     * its key: the file should be readable by the service user only).
     */
    public Ed25519.KeyPair unlockWithPasswordFile(String name, java.nio.file.Path passwordFile) throws HamsterException {
        String password;
        try {
            password = java.nio.file.Files.readString(passwordFile, java.nio.charset.StandardCharsets.UTF_8).lines()
                    .findFirst().orElse("").strip();
        } catch (java.io.IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, "cannot read the password file " + passwordFile + ": " + e);
        }
        return unlock(name, password);
    }

    public synchronized void changePassword(String name, String oldPassword, String newPassword)
            throws HamsterException {
        checkPassword(newPassword);
        AccountJson account = read(name);
        Ed25519.KeyPair pair = decrypt(account, oldPassword);
        byte[] body = Pkcs8.encode(pair.seed(), pair.publicKey());
        write(name, new AccountJson(account.address(), ScryptSecretBox.encrypt(body, newPassword,
                ScryptSecretBox.DEFAULT), account.meta()));
    }

    /** Account names, sorted. */
    public synchronized List<String> list() throws HamsterException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                    .filter(n -> NAME.matcher(n).matches()).sorted().forEach(names::add);
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, e, "cannot list " + directory + ": " + e.getMessage());
        }
        return names;
    }

    public synchronized boolean contains(String name) {
        return NAME.matcher(name).matches() && Files.exists(file(name));
    }

    /** The SS58 address (prefix 42) of an account; needs no password. */
    public synchronized String address(String name) throws HamsterException {
        return Ss58.encode(Ss58.decode(read(name).address()));
    }

    public synchronized void remove(String name) throws HamsterException {
        checkName(name);
        try {
            Files.delete(file(name));
        } catch (NoSuchFileException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, "no account named " + name);
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, e, "cannot remove " + name + ": " + e.getMessage());
        }
    }

    private String importPair(String name, Ed25519.KeyPair pair, String password) throws HamsterException {
        checkNew(name);
        checkPassword(password);
        byte[] encoded = ScryptSecretBox.encrypt(Pkcs8.encode(pair.seed(), pair.publicKey()), password,
                ScryptSecretBox.DEFAULT);
        write(name, new AccountJson(pair.address(), encoded, AccountJson.newMeta(name)));
        return pair.address();
    }

    private static Ed25519.KeyPair decrypt(AccountJson account, String password) throws HamsterException {
        if (password == null) {
            throw new HamsterException(ErrorCode.KEYSTORE, "wrong password");
        }
        Pkcs8.Ed25519Body body = Pkcs8.decode(ScryptSecretBox.decrypt(account.encoded(), password));
        Ed25519.KeyPair pair = Ed25519.fromSeed(body.seed());
        if (!Arrays.equals(pair.publicKey(), body.publicKey())) {
            throw new HamsterException(ErrorCode.KEYSTORE, "the stored public key does not match the stored seed");
        }
        return pair;
    }

    private AccountJson read(String name) throws HamsterException {
        checkName(name);
        try {
            return AccountJson.parse(Files.readString(file(name), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, "no account named " + name);
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, e, "cannot read " + name + ": " + e.getMessage());
        }
    }

    private void write(String name, AccountJson account) throws HamsterException {
        try {
            PrivateFiles.write(file(name), account.toJson());
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, e, "cannot write " + name + ": " + e.getMessage());
        }
    }

    private void checkNew(String name) throws HamsterException {
        checkName(name);
        if (Files.exists(file(name))) {
            throw new HamsterException(ErrorCode.KEYSTORE, "an account named " + name + " already exists");
        }
    }

    private static void checkName(String name) throws HamsterException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new HamsterException(ErrorCode.KEYSTORE, "account name " + name
                    + " must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static void checkPassword(String password) throws HamsterException {
        if (password == null || password.isEmpty()) {
            throw new HamsterException(ErrorCode.KEYSTORE, "the password must not be empty");
        }
    }

    private Path file(String name) {
        return directory.resolve(name + SUFFIX);
    }
}

package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

/**
 * Public keys as {@code subkey inspect --scheme ed25519} prints them; the vectors beyond //Alice and //Bob were
 * computed with @polkadot/keyring, which derives ed25519 keys the same way.
 */
class KeyDerivationTest {
    @Test
    void alice() throws HamsterException {
        Ed25519.KeyPair alice = KeyDerivation.pair("//Alice");
        assertEquals("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
                Hex.encode(alice.publicKey()));
        assertEquals("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", alice.address());
        assertEquals(alice, KeyDerivation.pair(SecretUri.DEV_PHRASE + "//Alice"));
    }

    @Test
    void bob() throws HamsterException {
        assertEquals("0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69",
                Hex.encode(KeyDerivation.pair("//Bob").publicKey()));
    }

    @Test
    void moreJunctionKinds() throws HamsterException {
        String[][] vectors = {
            {"//Alice//stash", "0x451781cd0c5504504f69ceec484cc66e4c22a2b6a9d20fb1a426d91ad074a2a8"},
            {"//0", "0xffe0b81700cedadde9debaf7e61292d80581d4a37896055ba25f491b96b25ee6"},
            {"//123", "0x0c83dab44faee7089eee22970d438c0593344c7cf7786b4f6f7f7823846098f7"},
            {"//" + "x".repeat(40), "0xbc393b79be5b4ec36b6d99c39d1d334640bb6faa28063a905d9af16cb238e851"},
            {SecretUri.DEV_PHRASE + "//hard///secret",
                "0x9116c4d7ea3a03a04e7ceb4f4ac8df0f5298dcb388de41d603739180ce77d486"},
            {SecretUri.DEV_PHRASE + "///secret", "0x68af7ac0d61be8c7b40acee55aa6084af8f1b074f46f7a31b92e2761b28b02c8"},
            {"0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60//foo",
                "0xd860e38e4664494b3ace390c0abf6e12b060a594f0a8348cdba46570ca1a022e"},
            {"legal winner thank year wave sausage worth useful legal winner thank yellow//a//b",
                "0x8b08f8092f64a8cd42c74754878a26d56c0c4a54baa9afe6374f7f540f83c139"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Hex.encode(KeyDerivation.pair(v[0]).publicKey()), v[0]);
        }
    }

    @Test
    void hexSeedWithoutJunctionsIsTheSeed() throws HamsterException {
        String seed = "0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        assertEquals(Ed25519.fromSeed(Hex.decode(seed)), KeyDerivation.pair(seed));
        assertInvalid("0x9d61b19d", "64 hex digits");
        assertInvalid("0x" + "zz".repeat(32), "not valid hex");
    }

    @Test
    void miniSecretUsesTheEntropy() throws HamsterException {
        byte[] entropy = Mnemonic.toEntropy(SecretUri.DEV_PHRASE);
        assertEquals("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e",
                Hex.encode(KeyDerivation.miniSecret(entropy, "")));
        assertEquals("0xa1a8f79db9a9554ed446fd97c5c65c19cb36bf80d069872a1736fbd07933da3f",
                Hex.encode(KeyDerivation.miniSecret(entropy, "pw")));
    }

    @Test
    void softJunctionsAreRejected() {
        HamsterException e = assertInvalid(SecretUri.DEV_PHRASE + "//hard/soft", "soft derivation (/soft)");
        assertTrue(e.getMessage().contains("ed25519"), e.getMessage());
        assertInvalid("//Alice/0", "soft derivation");
    }

    @Test
    void badPhrasesAreRejected() {
        assertInvalid("legal winner thank year wave sausage worth useful legal winner thank year//a", "checksum");
        assertInvalid("hello world//a", "12, 15, 18, 21 or 24 words");
    }

    private static HamsterException assertInvalid(String suri, String fragment) {
        HamsterException e = assertThrows(HamsterException.class, () -> KeyDerivation.pair(suri));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }
}

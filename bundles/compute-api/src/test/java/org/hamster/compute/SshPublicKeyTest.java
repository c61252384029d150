package org.hamster.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    /** The wire form of an ssh-ed25519 key: string "ssh-ed25519", string of 32 key bytes. */
    static String ed25519Blob() {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + type.length + 4 + 32);
        b.putInt(type.length).put(type).putInt(32).put(new byte[32]);
        return Base64.getEncoder().encodeToString(b.array());
    }

    @Test
    void acceptsAndNormalisesAKeyLine() {
        String blob = ed25519Blob();
        SshPublicKey k = SshPublicKey.parse("  ssh-ed25519   " + blob + "   alice@laptop  \n");
        assertEquals("ssh-ed25519", k.type());
        assertEquals("ssh-ed25519 " + blob + " alice@laptop", k.line());
        assertEquals("ssh-ed25519 " + blob, SshPublicKey.parse("ssh-ed25519 " + blob).line());
        assertEquals(k, SshPublicKey.parse("ssh-ed25519 " + blob + " other comment"));
    }

    @Test
    void refusesAnythingButOneKey() {
        String blob = ed25519Blob();
        for (String bad : new String[] {"", "   ", "ssh-ed25519", "ssh-dss " + blob, "ssh-ed25519 not*base64",
            "ssh-rsa " + blob, // the blob says ed25519
            "ssh-ed25519 " + blob + " x\nssh-ed25519 " + blob, // a second line
            "command=\"sh\" ssh-ed25519 " + blob, // options
            "ssh-ed25519 " + blob + " a\"b", "ssh-ed25519 " + blob + " \u00e9", "ssh-ed25519 AAAA",
            "ssh-ed25519 " + blob + " " + "x".repeat(3000)}) {
            assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(bad), bad);
        }
    }

    @Test
    void specsAreChecked() {
        SshPublicKey key = SshPublicKey.parse("ssh-ed25519 " + ed25519Blob());
        new MachineSpec("agreement-1", 1, 256, 0, key, 2222);
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("../x", 1, 256, 0, key, 2222));
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("a", 0, 256, 0, key, 2222));
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("a", 1, 32, 0, key, 2222));
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("a", 1, 256, -1, key, 2222));
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("a", 1, 256, 0, null, 2222));
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("a", 1, 256, 0, key, 22));
    }
}

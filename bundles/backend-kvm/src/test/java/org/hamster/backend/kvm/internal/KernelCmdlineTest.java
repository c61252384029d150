package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.hamster.compute.SshPublicKey;
import org.junit.jupiter.api.Test;

class KernelCmdlineTest {
    @Test
    void appendsLeaseAndKey() {
        String line = KernelCmdline.forLease("  console=ttyS0 quiet ", "l-1", DomainXmlTest.KEY);
        assertEquals("console=ttyS0 quiet hamster.lease=l-1 hamster.key="
                + Base64.getEncoder().encodeToString(DomainXmlTest.KEY.line().getBytes()), line);
        assertTrue(KernelCmdline.forLease("", "l-1", DomainXmlTest.KEY).startsWith("hamster.lease=l-1 "));
    }

    @Test
    void imageArgumentsCannotPreSetTheKey() {
        assertThrows(IllegalArgumentException.class,
                () -> KernelCmdline.forLease("hamster.key=AAAA", "l-1", DomainXmlTest.KEY));
    }

    @Test
    void refusesWhatTheKernelWouldTruncate() {
        // a syntactically valid ssh-rsa key line of ~2000 characters (SshPublicKey allows up to 2048)
        byte[] blob = new byte[1400];
        byte[] type = "ssh-rsa".getBytes();
        blob[3] = (byte) type.length;
        System.arraycopy(type, 0, blob, 4, type.length);
        SshPublicKey big = SshPublicKey.parse("ssh-rsa " + Base64.getEncoder().encodeToString(blob));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelCmdline.forLease("console=ttyS0", "l-1", big));
        assertTrue(e.getMessage().contains("2047"), e.getMessage());
    }
}

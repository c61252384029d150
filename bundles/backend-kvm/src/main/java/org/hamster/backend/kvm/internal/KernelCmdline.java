package org.hamster.backend.kvm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hamster.compute.SshPublicKey;

/**
 * The guest kernel's command line: the image's own arguments, then {@code hamster.lease=<id>} and
 * {@code hamster.key=<base64 of the authorized_keys line>}, which the image's init decodes into
 * /root/.ssh/authorized_keys. Base64 keeps the key one word of a fixed alphabet, so nothing in it is ever
 * interpreted, on the host or in the guest.
 */
final class KernelCmdline {
    /** COMMAND_LINE_SIZE on x86, including the terminating NUL. */
    static final int MAX_LENGTH = 2047;

    private KernelCmdline() {
    }

    static String forLease(String imageArgs, String leaseId, SshPublicKey key) {
        String base = imageArgs.strip();
        if (base.contains("hamster.")) {
            throw new IllegalArgumentException("the image's kernel arguments must not set hamster.* themselves");
        }
        String encoded = Base64.getEncoder().encodeToString(key.line().getBytes(StandardCharsets.US_ASCII));
        String line = (base.isEmpty() ? "" : base + " ") + "hamster.lease=" + leaseId + " hamster.key=" + encoded;
        if (line.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the kernel command line with this SSH key would be " + line.length()
                    + " characters, more than the kernel's " + MAX_LENGTH + ": use a shorter key (ed25519, ecdsa,"
                    + " rsa up to 4096 bits) or comment");
        }
        return line;
    }
}

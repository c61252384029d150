package org.hamster.shell.internal.market;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "order-create", description = "Rents a resource: pays price x hours into escrow "
        + "and records the SSH public key the machine will accept")
@Service
public class OrderCreateCommand extends SignedCall {
    @Argument(index = 1, name = "resource", required = true, description = "Resource id (see hamster:market)")
    long resource;

    @Argument(index = 2, name = "hours", required = true, description = "Hours to rent")
    long hours;

    @Argument(index = 3, name = "ssh-key", required = true,
            description = "OpenSSH public key: a .pub file path, or the key line in quotes")
    String sshKey;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().createOrder(resource, hours, keyLine());
    }

    private String keyLine() throws HamsterException {
        Path p = Path.of(sshKey);
        if (!sshKey.startsWith("ssh-") && !sshKey.startsWith("ecdsa-") && Files.isRegularFile(p)) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new HamsterException(ErrorCode.INVALID_INPUT, "cannot read " + p + ": " + e.getMessage());
            }
        }
        return sshKey.trim();
    }
}

package org.hamster.devnet.internal;

import java.nio.file.Path;
import java.util.Optional;

/** What the development network prints once it is set up: how to rent a machine and log in to it. */
final class Banner {
    private Banner() {
    }

    static String text(Optional<String> backend, Optional<Path> sshKey) {
        String key = sshKey.map(Path::toString).orElse("<your private key>");
        StringBuilder b = new StringBuilder();
        b.append("\nHamster development network: chain ws://127.0.0.1:9944, gateway /ip4/127.0.0.1/tcp/4001, ")
                .append("provider //Bob on ").append(backend.orElse("NO backend (see the log)"))
                .append(", tenant //Charlie.\n")
                .append("Rent a machine and log in to it, in this shell:\n")
                .append("  hamster:market                 machines for rent (the provider's appears within a minute)\n")
                .append("  hamster:buy 0 1                rent resource 0 for an hour (pays into escrow)\n")
                .append("  hamster:resources              your leases, once the provider has started the machine\n")
                .append("  hamster:link <agreement>       a 127.0.0.1 port to the machine, and the ssh command\n")
                .append("then, in another terminal:\n")
                .append("  ssh -i ").append(key).append(" -p <port> root@127.0.0.1\n");
        return b.toString();
    }
}

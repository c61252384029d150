package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientException;
import org.hamster.client.LinkView;

@Command(scope = "hamster", name = "link", description = "A 127.0.0.1 port to a leased machine's SSH, and the ssh "
        + "command")
@Service
public class LinkCommand extends ClientCommand {
    @Argument(index = 0, name = "agreement", required = true, description = "Agreement id (hamster:resources)")
    long agreement;

    @Option(name = "--port", description = "Local port (default: a free one)")
    int port;

    @Override
    void run() throws ClientException {
        LinkView l = client.link(agreement, port);
        System.out.printf("Agreement %d on 127.0.0.1:%d (provider %s). Log in with:%n  %s%n", l.agreement(), l.port(),
                l.peerId(), l.sshCommand());
    }
}

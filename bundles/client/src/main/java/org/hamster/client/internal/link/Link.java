package org.hamster.client.internal.link;

import java.io.IOException;
import org.hamster.client.LinkView;
import org.hamster.p2p.PeerId;
import org.hamster.forward.ForwardLink;

/** One open link: the local port ({@link ForwardLink}) and the chooser of its routes. */
public record Link(long agreement, PeerId provider, ForwardLink forward, RouteChooser chooser) {
    /** The {@code ssh} command that logs in through this link, with {@code -i key} when a key file is given. */
    public String sshCommand(String privateKeyPath) {
        return "ssh " + (privateKeyPath == null || privateKeyPath.isBlank() ? "" : "-i " + privateKeyPath + " ")
                + "-p " + forward.port() + " root@127.0.0.1";
    }

    public LinkView view(String privateKeyPath) {
        ForwardLink.Stats s = forward.stats();
        Route r = chooser.lastRoute().orElse(null);
        LinkView.Route route = r == null ? LinkView.Route.NONE : r.direct() ? LinkView.Route.DIRECT
                : LinkView.Route.RELAYED;
        return new LinkView(agreement, forward.port(), provider.toString(), route,
                r == null || r.direct() ? null : r.gateway().toString(), r == null ? null : r.address().toString(),
                s.accepted(), s.active(), s.failed(), s.bytesToProvider(), s.bytesFromProvider(), s.lastError(),
                sshCommand(privateKeyPath));
    }

    void close() throws IOException {
        forward.close();
    }
}

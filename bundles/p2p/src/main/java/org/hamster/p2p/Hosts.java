package org.hamster.p2p;

import org.hamster.p2p.internal.host.NettyHost;

/** Creates {@link Host}s. */
public final class Hosts {
    private Hosts() {
    }

    /** A host with its own I/O threads; call {@link Host#listen} to accept connections. */
    public static Host create(HostConfig config) {
        return new NettyHost(config);
    }
}

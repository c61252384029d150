/**
 * libp2p for Hamster: {@link org.hamster.p2p.PeerId peer ids} and {@link org.hamster.p2p.Multiaddr multiaddrs}
 * as the libp2p specs define them, node {@link org.hamster.p2p.Identity identities} and their key files, and a
 * {@link org.hamster.p2p.Host} that listens and dials over TCP, secures connections with Noise
 * ({@code /noise}), multiplexes them with Yamux ({@code /yamux/1.0.0}) and negotiates every stream's protocol
 * with multistream-select 1.0. Ping ({@code /ipfs/ping/1.0.0}) and identify ({@code /ipfs/id/1.0.0}) are
 * served by every host. Circuit relay v2: every host dials {@code .../p2p/<relay>/p2p-circuit/p2p/<peer>} and
 * accepts relayed connections after {@link org.hamster.p2p.Host#listen listening} on
 * {@code .../p2p/<relay>/p2p-circuit} (a reservation, refreshed before it expires); a host whose
 * {@link org.hamster.p2p.HostConfig#relay()} is set relays for others within its
 * {@link org.hamster.p2p.RelayConfig} limits.
 *
 * <p>These interfaces are ours: the implementation behind {@link org.hamster.p2p.Hosts} is private to the
 * bundle, so another libp2p implementation could replace it without touching callers.
 *
 * <p>Threading: futures returned by a host, connection or stream complete on the connection's I/O thread.
 * Callbacks must not block; use the {@code *Async} variants of {@link java.util.concurrent.CompletableFuture}
 * for blocking work.
 */
@Version("0.2.0")
package org.hamster.p2p;

import org.osgi.annotation.versioning.Version;

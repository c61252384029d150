/**
 * The gateway role: a public libp2p relay (circuit relay v2 hop) and bootstrap node that registers its multiaddr
 * on chain, heartbeats and meters the bandwidth it carries. {@link org.hamster.gateway.Gateway} is the service the
 * REST API ({@code /hamster/api/gateway}), the {@code hamster:gateway-*} shell commands and the web UI read.
 */
@Version("0.1.0")
package org.hamster.gateway;

import org.osgi.annotation.versioning.Version;

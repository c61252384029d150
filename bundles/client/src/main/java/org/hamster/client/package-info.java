/**
 * The client (tenant) role: {@link org.hamster.client.Client} buys hours of machines on the market with the
 * tenant's keystore account, follows its orders and leases, claims refunds, and links a local 127.0.0.1 port to a
 * leased machine's SSH through the p2p network (direct when the provider is reachable, through a gateway relay
 * otherwise). The REST API ({@code /hamster/api/client}), the {@code hamster:} shell commands and the web UI all
 * drive this one service.
 */
@Version("0.1.0")
package org.hamster.client;

import org.osgi.annotation.versioning.Version;

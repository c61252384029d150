/**
 * Java client of a Hamster node's Substrate-style JSON-RPC over WebSocket: typed queries, subscriptions that
 * survive reconnects, extrinsic signing with nonce tracking, and call encoding by pallet name. Events and module
 * errors are read with the pallets' own API packages; {@link org.hamster.chain.client.Market} gives typed calls,
 * queries and events of the market pallets.
 */
@Version("1.2.0")
package org.hamster.chain.client;

import org.osgi.annotation.versioning.Version;

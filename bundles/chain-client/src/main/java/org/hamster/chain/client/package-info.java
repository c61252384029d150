/**
 * Java client of a Hamster node's Substrate-style JSON-RPC over WebSocket: typed queries, subscriptions that
 * survive reconnects, extrinsic signing with nonce tracking, and call encoding by pallet name.
 */
@Version("1.0.0")
package org.hamster.chain.client;

import org.osgi.annotation.versioning.Version;

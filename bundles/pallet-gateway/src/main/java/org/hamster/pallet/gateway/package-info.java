/**
 * Gateway pallet API: the calls gateways register and heartbeat with, their events and errors, the storage the
 * provider and client roles read their libp2p bootstrap list from, and the address rules the chain enforces.
 */
@Version("0.1.0")
package org.hamster.pallet.gateway;

import org.osgi.annotation.versioning.Version;

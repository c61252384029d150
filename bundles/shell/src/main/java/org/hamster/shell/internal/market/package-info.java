/** hamster: shell commands of the market (provider listings, pledges, orders, leases), over the node's RPC. */
package org.hamster.shell.internal.market;

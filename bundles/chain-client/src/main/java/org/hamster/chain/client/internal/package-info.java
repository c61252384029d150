/** The WebSocket transport, JSON mapping, nonce tracking and the DS component; not exported. */
package org.hamster.chain.client.internal;

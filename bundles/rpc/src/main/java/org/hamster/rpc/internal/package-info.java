/** The JSON-RPC server's implementation; nothing here is exported. */
package org.hamster.rpc.internal;

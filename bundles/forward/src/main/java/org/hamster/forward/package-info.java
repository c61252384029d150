/**
 * The forward protocol ({@value org.hamster.forward.ForwardRequest#PROTOCOL}): a tenant opens a libp2p
 * stream to the provider, sends a {@link org.hamster.forward.ForwardRequest} signed with its account key,
 * gets one {@link org.hamster.forward.ForwardStatus} back and, if it is OK, the stream carries the bytes
 * of a TCP connection to the leased machine's SSH port. The provider checks the signature, the agreement (the
 * signer must be its tenant, the lease running), the chain (genesis hash), the expiry and that the nonce was not
 * used before.
 */
@Version("0.1.0")
package org.hamster.forward;

import org.osgi.annotation.versioning.Version;

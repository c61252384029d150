/**
 * The forward protocol ({@value org.hamster.provider.forward.ForwardRequest#PROTOCOL}): a tenant opens a libp2p
 * stream to the provider, sends a {@link org.hamster.provider.forward.ForwardRequest} signed with its account key,
 * gets one {@link org.hamster.provider.forward.ForwardStatus} back and, if it is OK, the stream carries the bytes
 * of a TCP connection to the leased machine's SSH port. The provider checks the signature, the agreement (the
 * signer must be its tenant, the lease running), the chain (genesis hash), the expiry and that the nonce was not
 * used before.
 */
@Version("0.2.0")
package org.hamster.provider.forward;

import org.osgi.annotation.versioning.Version;

/** Reusable runtime building blocks: the transactional state overlay, chain-spec value parsing, checked arithmetic. */
@Version("0.1.0")
package org.hamster.chain.support;

import org.osgi.annotation.versioning.Version;

/** Reusable runtime building blocks: the transactional state overlay and chain-spec value parsing. */
@Version("0.1.0")
package org.hamster.chain.support;

import org.osgi.annotation.versioning.Version;

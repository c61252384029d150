/** Reusable runtime building blocks: the transactional state overlay. */
@Version("0.1.0")
package org.hamster.chain.support;

import org.osgi.annotation.versioning.Version;

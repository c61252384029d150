/** Test support for pallets: an in-memory runtime (no OSGi, no node) and the well-known dev accounts. */
@Version("0.1.0")
package org.hamster.chain.testkit;

import org.osgi.annotation.versioning.Version;

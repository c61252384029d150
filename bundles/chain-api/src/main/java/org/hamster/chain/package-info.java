/** Chain data types (blocks, headers, extrinsics, events) and the node's service interface. */
@Version("0.1.0")
package org.hamster.chain;

import org.osgi.annotation.versioning.Version;

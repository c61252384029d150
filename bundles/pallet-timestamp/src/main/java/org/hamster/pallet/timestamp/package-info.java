/** Timestamp pallet API: the block time inherent and where the current time is stored. */
@Version("0.2.0")
package org.hamster.pallet.timestamp;

import org.osgi.annotation.versioning.Version;

/**
 * How a pallet describes itself in the runtime's metadata (Substrate Metadata V14): structural types
 * ({@link org.hamster.chain.spi.meta.Ty}), the shared runtime types ({@link org.hamster.chain.spi.meta.StdTypes})
 * and a pallet's calls, events, errors, storage and constants ({@link org.hamster.chain.spi.meta.PalletMeta}).
 */
@Version("0.1.0")
package org.hamster.chain.spi.meta;

import org.osgi.annotation.versioning.Version;

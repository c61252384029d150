/** The pallet SPI: what a pallet bundle implements and what the runtime hands it. */
@Version("0.1.0")
package org.hamster.chain.spi;

import org.osgi.annotation.versioning.Version;

/** Balances pallet API: calls, events, errors, storage and the Currency other pallets move funds with. */
@Version("0.1.0")
package org.hamster.pallet.balances;

import org.osgi.annotation.versioning.Version;

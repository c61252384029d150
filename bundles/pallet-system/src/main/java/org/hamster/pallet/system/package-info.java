/** System pallet API: accounts, block bookkeeping and the events every extrinsic emits. */
@Version("0.1.0")
package org.hamster.pallet.system;

import org.osgi.annotation.versioning.Version;

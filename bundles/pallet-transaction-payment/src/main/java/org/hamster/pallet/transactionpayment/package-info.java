/** Transaction payment API: where fees go and the event that records them. */
@Version("0.1.0")
package org.hamster.pallet.transactionpayment;

import org.osgi.annotation.versioning.Version;

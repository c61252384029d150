/** Sudo pallet API: the key holder's root calls, their events and errors, and where the key is stored. */
@Version("0.1.0")
package org.hamster.pallet.sudo;

import org.osgi.annotation.versioning.Version;

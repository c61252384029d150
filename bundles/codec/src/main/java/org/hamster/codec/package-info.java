/** SCALE codec: the wire and storage encoding of every chain type. */
@Version("0.1.0")
package org.hamster.codec;

import org.osgi.annotation.versioning.Version;

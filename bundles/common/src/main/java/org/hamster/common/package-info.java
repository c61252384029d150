/** Error types and small utilities shared by every Hamster bundle. */
@Version("0.1.0")
package org.hamster.common;

import org.osgi.annotation.versioning.Version;

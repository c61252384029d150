/**
 * The storage SPI of the chain: an ordered, persistent, multi-column key-value database
 * ({@link org.hamster.storage.KvStore}) written through atomic {@link org.hamster.storage.WriteBatch}es,
 * plus an in-memory implementation for tests.
 */
@Version("0.1.0")
package org.hamster.storage;

import org.osgi.annotation.versioning.Version;

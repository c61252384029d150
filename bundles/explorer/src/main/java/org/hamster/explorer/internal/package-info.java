/** The explorer's REST resources, block decoding and the schema of the runtime's calls and events; not exported. */
package org.hamster.explorer.internal;

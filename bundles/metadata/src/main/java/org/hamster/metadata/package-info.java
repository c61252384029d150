/**
 * Substrate Metadata V14 for the Hamster runtime. {@link org.hamster.metadata.PortableRegistryBuilder} turns the
 * pallets' structural type descriptions ({@link org.hamster.chain.spi.meta.Ty}) into scale-info's portable
 * registry, {@link org.hamster.metadata.RuntimeTypes} adds the runtime-level types (outer call and event enums,
 * the extrinsic and its signed extensions), {@link org.hamster.metadata.MetadataV14Writer} writes the bytes that
 * {@code Metadata_metadata} and {@code state_getMetadata} serve and {@link org.hamster.metadata.MetadataV14Reader}
 * parses them back. {@link org.hamster.metadata.ScaleValues} decodes and encodes any value by its registry type.
 */
@Version("0.1.0")
package org.hamster.metadata;

import org.osgi.annotation.versioning.Version;

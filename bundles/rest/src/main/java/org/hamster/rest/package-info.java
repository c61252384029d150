/**
 * Whiteboard contract of Hamster's local REST API. A role registers any JAX-RS (javax.ws.rs 2.1) annotated
 * object as an OSGi service with the property {@value org.hamster.rest.RestApi#PATH_PROPERTY} (for example
 * {@code /gateway}); the rest bundle publishes it at {@code /hamster/api/gateway/...} on Karaf's HTTP port, behind
 * a loopback-only check, a bearer token ({@link org.hamster.rest.RestAccess}) and Jackson JSON; a resource with
 * {@value org.hamster.rest.RestApi#PUBLIC_PROPERTY}{@code =true} answers reads without the token, and
 * {@code POST /hamster/api/login} gives the token to a user of Karaf's JAAS realm. Resources throw
 * {@link org.hamster.rest.ApiException} for errors the caller should see; clients read them as
 * {@link org.hamster.rest.ApiError}. A role's editable settings are a {@link org.hamster.rest.ConfigSettings}
 * served by a {@link org.hamster.rest.SettingsResource}.
 */
@Version("0.3.0")
package org.hamster.rest;

import org.osgi.annotation.versioning.Version;

/**
 * The provider role: {@link org.hamster.provider.Provider} is the running provider the REST API
 * ({@code /hamster/api/provider}), the {@code hamster:provider-*} commands and the web UI read;
 * {@link org.hamster.provider.ProviderManagement} manages its pledge, resources and earnings on chain.
 */
@Version("0.3.0")
package org.hamster.provider;

import org.osgi.annotation.versioning.Version;

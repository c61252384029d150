package org.hamster.provider;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A running provider: who it is, where it is reachable, and the leases it serves. */
@ProviderType
public interface Provider {
    ProviderStatus status();

    List<LeaseView> leases();
}

package org.hamster.provider;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A running provider: who it is, where it is reachable, the leases it serves, and its management on chain. */
@ProviderType
public interface Provider {
    ProviderStatus status();

    List<LeaseView> leases();

    /** Pledge, resources and earnings of the configured account. */
    ProviderManagement management();
}

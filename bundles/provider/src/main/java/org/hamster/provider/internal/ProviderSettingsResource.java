package org.hamster.provider.internal;

import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.rest.ConfigSettings;
import org.hamster.rest.RestApi;
import org.hamster.rest.SettingsResource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The provider's settings at {@code /hamster/api/provider/settings} ({@code GET}, {@code PUT} of any subset): the
 * operator-facing keys of {@value ProviderComponent#PID} (the account and its password file included: how a fresh
 * provider is set up), stored through configuration admin. Apart from the role, so it answers while the provider
 * restarts with the new values (or cannot start).
 */
@Component(service = ProviderSettingsResource.class, property = RestApi.PATH_PROPERTY + "=/provider/settings")
public final class ProviderSettingsResource extends SettingsResource {
    /** Decimals of the price, as ProviderConfig.pricePerHour says (the development chain's). */
    private static final int PRICE_DECIMALS = 12;

    /** The settable keys and their checks; the shell command hamster:provider-settings uses them too. */
    public static final ConfigSettings SETTINGS = ConfigSettings.of(ProviderComponent.PID, ProviderConfig.class)
            .readOnly("listenAddress")
            .note("Saving restarts the provider role with the new values (a few seconds): leases and their machines "
                    + "are kept, it reconciles with the chain at once, and SSH links reconnect on their next "
                    + "connection. The resource settings (cpus and on) apply when it registers one on start. "
                    + "The account is a keystore account (hamster:key-import); the password file holds its password "
                    + "on its first line.")
            .signingAccount("account", "passwordFile")
            .oneOf("backend", "docker", "kvm").key("useGateways")
            .atLeast(10, "heartbeatIntervalSeconds").atLeast(1, "reconcileSeconds")
            .range(1024, 65535, "sshPortFrom", "sshPortTo").notAbove("sshPortFrom", "sshPortTo")
            .atLeast(0, "cpus").atLeast(1, "memoryGiB", "diskGiB")
            .text("system", v -> v.isEmpty() ? "must not be empty" : null).key("cpuModel")
            .text("pricePerHour", ProviderSettingsResource::price).atLeast(1, "rentableHours")
            .build();

    @Activate
    public ProviderSettingsResource(@Reference ConfigurationAdmin admin) {
        super(SETTINGS, admin);
    }

    static String price(String text) {
        try {
            return TokenAmount.parse(text, PRICE_DECIMALS).signum() > 0 ? null : "must be above 0";
        } catch (HamsterException e) {
            return "'" + text + "' is not an amount such as 1.5 (" + e.getMessage() + ")";
        }
    }
}

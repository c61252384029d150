package org.hamster.rest;

import java.io.IOException;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A role's settings endpoint: {@code GET} answers {@link ConfigSettings.View}; {@code PUT} takes a JSON object of
 * any settable keys, checks them all and stores them (400 {@code bad-request} naming the bad setting, nothing
 * stored), then answers the view. A role publishes a subclass as a component with its own
 * {@value RestApi#PATH_PROPERTY}, e.g. {@code /provider/settings}, so the endpoint stays up while the role restarts.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {
    private final ConfigSettings settings;
    private final ConfigurationAdmin admin;

    protected SettingsResource(ConfigSettings settings, ConfigurationAdmin admin) {
        this.settings = settings;
        this.admin = admin;
    }

    @GET
    public ConfigSettings.View settings() throws IOException {
        return settings.read(admin);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigSettings.View update(Map<String, Object> changes) throws IOException {
        try {
            return settings.update(admin, changes);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-request", e.getMessage());
        }
    }
}

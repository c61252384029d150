package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.hamster.provider.internal.ProviderSettingsResource;
import org.osgi.service.cm.ConfigurationAdmin;

@Command(scope = "hamster", name = "provider-settings", description = "The provider's settings; --set key=value "
        + "changes them (all are checked first; the provider restarts with them)")
@Service
public class ProviderSettingsCommand implements Action {
    @Reference
    ConfigurationAdmin admin;

    @Option(name = "--set", multiValued = true, description = "key=value to store, repeatable, e.g. "
            + "--set heartbeatIntervalSeconds=120")
    List<String> set;

    @Override
    public Object execute() throws Exception {
        try {
            ProviderSettingsResource.SETTINGS.shell(admin, set, System.out);
        } catch (IllegalArgumentException e) { // a bad pair or value: nothing stored
            throw new CommandException(e.getMessage());
        }
        return null;
    }
}

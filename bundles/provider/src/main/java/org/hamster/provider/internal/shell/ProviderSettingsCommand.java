package org.hamster.provider.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.hamster.provider.internal.ProviderSettingsResource;
import org.hamster.rest.ConfigSettings;
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
        ConfigSettings.View v;
        if (set == null || set.isEmpty()) {
            v = ProviderSettingsResource.SETTINGS.read(admin);
        } else {
            Map<String, Object> changes = new LinkedHashMap<>();
            for (String pair : set) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new CommandException("--set takes key=value, not '" + pair + "'");
                }
                changes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
            }
            try {
                v = ProviderSettingsResource.SETTINGS.update(admin, changes);
            } catch (IllegalArgumentException e) { // a bad value: nothing stored
                throw new CommandException(e.getMessage());
            }
            System.out.println("Stored in etc/" + v.pid() + ".cfg. " + v.note());
        }
        v.settings().forEach((k, value) -> System.out.printf("%-26s %s%n", k, value));
        v.readOnly().forEach((k, value) -> System.out.printf("%-26s %s (read-only here)%n", k, value));
        return null;
    }
}

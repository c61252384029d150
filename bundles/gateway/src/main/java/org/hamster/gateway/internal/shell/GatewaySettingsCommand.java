package org.hamster.gateway.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.hamster.gateway.internal.GatewaySettingsResource;
import org.osgi.service.cm.ConfigurationAdmin;

@Command(scope = "hamster", name = "gateway-settings", description = "The gateway's settings; --set key=value "
        + "changes them (all are checked first; the gateway restarts with them)")
@Service
public class GatewaySettingsCommand implements Action {
    @Reference
    ConfigurationAdmin admin;

    @Option(name = "--set", multiValued = true, description = "key=value to store, repeatable, e.g. "
            + "--set account=gateway --set passwordFile=/opt/karaf/etc/gateway.password")
    List<String> set;

    @Override
    public Object execute() throws Exception {
        try {
            GatewaySettingsResource.SETTINGS.shell(admin, set, System.out);
        } catch (IllegalArgumentException e) { // a bad pair or value: nothing stored
            throw new CommandException(e.getMessage());
        }
        return null;
    }
}

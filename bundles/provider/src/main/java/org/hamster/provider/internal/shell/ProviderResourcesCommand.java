package org.hamster.provider.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.common.HamsterException;
import org.hamster.provider.ResourceView;

@Command(scope = "hamster", name = "provider-resources", description = "The resources the provider's account lists")
@Service
public class ProviderResourcesCommand extends ManagementCommand {
    @Override
    void run() throws HamsterException {
        int d = management.tokenDecimals();
        ShellTable t = new ShellTable();
        for (String c : new String[] {"Id", "CPU", "Memory GiB", "Disk GiB", "System", "CPU model", "Price/hour",
            "Rentable until", "Status"}) {
            t.column(c);
        }
        for (ResourceView r : management.resources()) {
            t.addRow().addContent(r.id(), r.cpu(), r.memoryGiB(), r.diskGiB(), r.system(), r.cpuModel(),
                    ham(r.pricePerHour(), d), r.rentableUntil(), r.status());
        }
        t.print(System.out);
    }
}

package org.hamster.shell.internal.market;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.chain.client.ChainClient;
import org.hamster.common.HamsterException;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;

@Command(scope = "hamster", name = "market", description = "Lists the machines on the market")
@Service
public class MarketCommand extends Query {
    @Option(name = "-a", aliases = "--all", description = "Also rented and offline machines, not only available ones")
    boolean all;

    @Option(name = "--owner", description = "Only this provider's machines (SS58 address)")
    String owner;

    @Override
    void run() throws HamsterException {
        List<Resource> list = ChainClient.await(owner == null ? client.market().resources()
                : client.market().resourcesOf(account(owner)));
        ShellTable t = new ShellTable();
        for (String c : new String[] {"Id", "Status", "CPU", "Mem GiB", "Disk GiB", "System", "Region",
            "Price/hour", "Until", "Provider"}) {
            t.column(c);
        }
        for (Resource r : list) {
            if (all || r.status() == ResourceStatus.UNUSED) {
                t.addRow().addContent(r.id(), r.status(), r.config().cpu(), r.config().memoryGiB(),
                        r.config().diskGiB(), text(r.config().system()), text(r.config().region()),
                        tokens(r.pricePerHour()), time(r.endOfRent()), r.owner());
            }
        }
        t.print(System.out);
    }
}

package org.hamster.client.internal.shell;

import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.client.ClientException;
import org.hamster.client.MarketQuery;
import org.hamster.client.Offer;

@Command(scope = "hamster", name = "market", description = "Machines for rent, with their providers' reputation")
@Service
public class MarketCommand extends ClientCommand {
    @Option(name = "--min-cpu", description = "At least this many vCPUs")
    Long minCpu;

    @Option(name = "--min-memory", description = "At least this much memory (GiB)")
    Long minMemory;

    @Option(name = "--max-price", description = "At most this price per hour (HAM, or base units with p)")
    String maxPrice;

    @Option(name = "--min-hours", description = "At least this many hours still rentable")
    Long minHours;

    @Option(name = "--sort", description = "price (cheapest first), cpu, memory, hours or reputation (largest first)")
    String sort = "price";

    @Option(name = "--asc", description = "Ascending, whatever the sort")
    boolean asc;

    @Option(name = "--desc", description = "Descending, whatever the sort")
    boolean desc;

    @Option(name = "-a", aliases = "--all", description = "Also machines that cannot be ordered now")
    boolean all;

    @Override
    void run() throws ClientException {
        MarketQuery.Sort by;
        try {
            by = MarketQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sort is one of price, cpu, memory, hours, reputation");
        }
        List<Offer> offers = client.market(new MarketQuery(minCpu, minMemory, maxPrice == null ? null
                : client.parseAmount(maxPrice), minHours, by, desc ? Boolean.TRUE : asc ? Boolean.FALSE : null, all));
        ShellTable t = table("Id", "CPU", "Mem GiB", "Disk GiB", "System", "Region", "Price/hour", "Hours",
                "Reputation", "Status", "Provider");
        for (Offer o : offers) {
            t.addRow().addContent(o.id(), o.cpu(), o.memoryGiB(), o.diskGiB(), o.system(), o.region() == null ? ""
                    : o.region(), o.pricePerHour().text(), o.rentableHours(), String.format("%.2f (%d leases, %d "
                    + "faults)", o.reputation().score(), o.reputation().rentals(), o.reputation().faults()),
                    o.status(), o.provider());
        }
        t.print(System.out);
    }
}

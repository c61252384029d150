package org.hamster.gateway.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.gateway.Bandwidth;
import org.hamster.gateway.Gateway;

@Command(scope = "hamster", name = "gateway-bandwidth", description = "Bytes in/out of the gateway: totals, rates and the last seconds")
@Service
public class GatewayBandwidthCommand implements Action {
    @Reference
    Gateway gateway;

    @Option(name = "--history", description = "How many of the last per-second samples to list (default 10)")
    int history = 10;

    @Override
    public Object execute() {
        if (history < 0) {
            throw new IllegalArgumentException("--history cannot be negative");
        }
        Bandwidth b = gateway.bandwidth();
        System.out.printf("Total:    in %s, out %s (relayed through circuits: %s)%n", Bytes.human(b.totalIn()),
                Bytes.human(b.totalOut()), Bytes.human(b.relayedTotal()));
        System.out.printf("Rate:     in %s/s, out %s/s%n", Bytes.human(b.rateIn()), Bytes.human(b.rateOut()));
        List<Bandwidth.Sample> h = b.history();
        for (Bandwidth.Sample s : h.subList(Math.max(0, h.size() - history), h.size())) {
            System.out.printf("  %s  in %10s/s  out %10s/s%n", s.time(), Bytes.human(s.rateIn()),
                    Bytes.human(s.rateOut()));
        }
        return null;
    }
}

package org.hamster.shell.internal.market;

import java.nio.charset.StandardCharsets;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.Bytes;
import org.hamster.common.HamsterException;
import org.hamster.pallet.provider.ResourceConfig;

@Command(scope = "hamster", name = "resource-register", description = "Lists a machine on the market")
@Service
public class ResourceRegisterCommand extends SignedCall {
    @Argument(index = 1, name = "peer-id", required = true, description = "libp2p peer id of the provider (12D3KooW...)")
    String peerId;

    @Option(name = "--cpu", required = true, description = "Virtual CPUs")
    long cpu;

    @Option(name = "--memory", required = true, description = "Memory in GiB")
    long memory;

    @Option(name = "--disk", required = true, description = "Disk in GiB")
    long disk;

    @Option(name = "--system", description = "Operating system offered")
    String system = "Debian 12";

    @Option(name = "--cpu-model", description = "CPU model")
    String cpuModel = "generic";

    @Option(name = "--gpu", description = "GPU model, if any")
    String gpu;

    @Option(name = "--region", description = "Region, if given")
    String region;

    @Option(name = "--price", required = true, description = "Price per hour in tokens or base units (p suffix)")
    String price;

    @Option(name = "--hours", required = true, description = "Hours the machine can be rented from now")
    long hours;

    @Override
    byte[] call(Market market) throws HamsterException {
        ResourceConfig config = new ResourceConfig(cpu, memory, disk, utf8(system), utf8(cpuModel), utf8(gpu),
                utf8(region));
        return market.calls().registerResource(peerId, config, amount(price), hours);
    }

    private static Bytes utf8(String s) {
        return s == null ? null : Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}

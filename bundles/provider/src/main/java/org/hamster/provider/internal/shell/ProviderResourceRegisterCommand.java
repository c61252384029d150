package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;
import org.hamster.provider.ResourceSpec;

@Command(scope = "hamster", name = "provider-resource-register", description = "Lists a machine under the "
        + "provider's peer id")
@Service
public class ProviderResourceRegisterCommand extends ManagementCommand {
    @Option(name = "--cpu", required = true, description = "Virtual CPUs")
    long cpu;

    @Option(name = "--memory", required = true, description = "Memory in GiB")
    long memory;

    @Option(name = "--disk", required = true, description = "Disk in GiB")
    long disk;

    @Option(name = "--price", required = true, description = "Price per hour in HAM (or planck with a p suffix)")
    String price;

    @Option(name = "--hours", required = true, description = "Hours it can be rented for from now")
    long hours;

    @Option(name = "--system", description = "Operating system (default: the provider's configured one)")
    String system;

    @Option(name = "--cpu-model", description = "CPU model (default: the configured one, or this machine's)")
    String cpuModel;

    @Override
    void run() throws HamsterException {
        print(List.of(management.registerResource(new ResourceSpec(cpu, memory, disk, system, cpuModel,
                amount(price), hours))));
    }
}

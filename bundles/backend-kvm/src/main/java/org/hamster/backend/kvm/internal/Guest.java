package org.hamster.backend.kvm.internal;

import java.nio.file.Path;
import java.util.Set;

/**
 * Everything a lease's domain is made of, before it becomes libvirt XML ({@link DomainXml}).
 *
 * @param cmdline the whole kernel command line, the tenant key included ({@link KernelCmdline})
 * @param disk the qcow2 disk attached as vda, or null for none
 * @param nicModel the QEMU network device: virtio-net-pci, e1000 or rtl8139
 * @param internet whether the guest may open connections out (user-mode NAT); when false it can only answer on
 *     the forwarded SSH port
 */
record Guest(String name, DomainType type, int cpus, long memoryMiB, Path kernel, Path initrd, String cmdline,
        Path disk, Path serialLog, int sshPort, String nicModel, boolean internet, LeaseMetadata metadata) {
    static final Set<String> NIC_MODELS = Set.of("virtio-net-pci", "e1000", "rtl8139");

    Guest {
        if (!NIC_MODELS.contains(nicModel)) {
            throw new IllegalArgumentException("nicModel must be one of " + NIC_MODELS + ", got '" + nicModel + "'");
        }
        if (sshPort < 1 || sshPort > 65535) {
            throw new IllegalArgumentException("bad SSH port " + sshPort);
        }
    }
}

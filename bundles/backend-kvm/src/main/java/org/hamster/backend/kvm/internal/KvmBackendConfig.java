package org.hamster.backend.kvm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the KVM compute backend (PID org.hamster.backend.kvm, etc/org.hamster.backend.kvm.cfg). */
@ObjectClassDefinition(name = "Hamster KVM backend", description = "One libvirt/QEMU domain per lease, SSH "
        + "forwarded from 127.0.0.1")
public @interface KvmBackendConfig {
    @AttributeDefinition(description = "libvirt connection URI; machines are system-wide domains")
    String uri() default "qemu:///system";

    @AttributeDefinition(description = "auto (kvm when /dev/kvm exists and the CPU has vmx or svm, else qemu), "
            + "kvm (hardware acceleration) or qemu (TCG software emulation)")
    String domainType() default "auto";

    @AttributeDefinition(description = "Kernel the guests boot (direct kernel boot), readable by the QEMU user")
    String kernel() default "/var/lib/hamster/images/vm/vmlinuz";

    @AttributeDefinition(description = "Initramfs of the guests; empty = none (the kernel boots from the disk)")
    String initrd() default "/var/lib/hamster/images/vm/initrd.gz";

    @AttributeDefinition(description = "Kernel arguments of the image; the backend appends hamster.lease and "
            + "hamster.key (the tenant key, base64)")
    String cmdline() default "console=ttyS0 quiet panic=-1";

    @AttributeDefinition(description = "qcow2 base image each machine's disk is a copy-on-write overlay of; "
            + "empty = a blank disk of the lease's size, or none when the lease asks for none")
    String diskImage() default "";

    @AttributeDefinition(description = "Directory for the machines' disks and serial logs; the QEMU user must be "
            + "able to traverse it (created mode 0711)")
    String stateDir() default "/var/lib/hamster/kvm";

    @AttributeDefinition(description = "Seconds create and start wait for the guest's SSH banner")
    int bootTimeoutSeconds() default 120;

    @AttributeDefinition(description = "Seconds stop waits for an ACPI shutdown before it powers the guest off")
    int stopTimeoutSeconds() default 20;

    @AttributeDefinition(description = "Network device of the guests: virtio-net-pci, e1000 or rtl8139")
    String nicModel() default "virtio-net-pci";

    @AttributeDefinition(description = "Let guests open connections out through user-mode NAT; they can then "
            + "also reach the host's loopback services at 10.0.2.2")
    boolean guestInternet() default false;

    @AttributeDefinition(description = "qemu-img executable that makes the disks")
    String qemuImg() default "qemu-img";
}

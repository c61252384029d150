package org.hamster.backend.kvm.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The libvirt domain XML of a lease: direct kernel boot, the lease's vCPUs and fixed memory (no balloon), an
 * optional qcow2 disk, the serial console to a file and nothing else to look at (no graphics, video or console
 * pty), and QEMU user-mode networking whose only way in is 127.0.0.1:sshPort forwarded to the guest's port 22.
 *
 * <p>The network goes through {@code <qemu:commandline>}: libvirt 9.0 accepts {@code <portForward>} on an
 * {@code <interface type='user'>} but only honours it with the passt backend; with QEMU's own (SLIRP) user
 * networking it is silently dropped and nothing is forwarded.
 */
final class DomainXml {
    static final String QEMU_NAMESPACE = "http://libvirt.org/schemas/domain/qemu/1.0";
    static final String NETDEV_ID = "hamster0";
    static final String NIC_PCI_SLOT = "0x1f";

    private DomainXml() {
    }

    static String render(Guest g) {
        Document doc = Xml.newDocument();
        Element domain = doc.createElement("domain");
        doc.appendChild(domain);
        domain.setAttribute("type", g.type().xmlName());
        domain.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:qemu", QEMU_NAMESPACE);
        Xml.child(domain, "name", g.name());
        Xml.child(domain, "title", "Hamster lease " + g.metadata().leaseId());
        g.metadata().appendTo(Xml.child(domain, "metadata", (String) null));
        Xml.child(domain, "memory", Long.toString(g.memoryMiB())).setAttribute("unit", "MiB");
        Xml.child(domain, "currentMemory", Long.toString(g.memoryMiB())).setAttribute("unit", "MiB");
        Xml.child(domain, "vcpu", Integer.toString(g.cpus())).setAttribute("placement", "static");

        Element os = Xml.child(domain, "os", (String) null);
        Element type = Xml.child(os, "type", "hvm");
        type.setAttribute("arch", "x86_64");
        type.setAttribute("machine", "pc");
        Xml.child(os, "kernel", g.kernel().toString());
        if (g.initrd() != null) {
            Xml.child(os, "initrd", g.initrd().toString());
        }
        Xml.child(os, "cmdline", g.cmdline());
        Element features = Xml.child(domain, "features", (String) null);
        Xml.child(features, "acpi");
        Xml.child(features, "apic");
        Xml.child(domain, "clock", "offset", "utc");
        Xml.child(domain, "on_poweroff", "destroy");
        Xml.child(domain, "on_reboot", "restart");
        Xml.child(domain, "on_crash", "destroy");

        Element devices = Xml.child(domain, "devices", (String) null);
        if (g.disk() != null) {
            Element disk = Xml.child(devices, "disk", "type", "file", "device", "disk");
            Xml.child(disk, "driver", "name", "qemu", "type", "qcow2");
            Xml.child(disk, "source", "file", g.disk().toString());
            Xml.child(disk, "target", "dev", "vda", "bus", "virtio");
        }
        Xml.child(devices, "controller", "type", "usb", "model", "none");
        Element serial = Xml.child(devices, "serial", "type", "file");
        Xml.child(serial, "source", "path", g.serialLog().toString(), "append", "off");
        Xml.child(serial, "target", "port", "0");
        Element video = Xml.child(devices, "video", (String) null);
        Xml.child(video, "model", "type", "none");
        Xml.child(devices, "memballoon", "model", "none");

        Element commandline = doc.createElementNS(QEMU_NAMESPACE, "qemu:commandline");
        domain.appendChild(commandline);
        for (String arg : new String[] {"-netdev", netdev(g), "-device", device(g)}) {
            Element a = doc.createElementNS(QEMU_NAMESPACE, "qemu:arg");
            a.setAttribute("value", arg);
            commandline.appendChild(a);
        }
        return Xml.write(doc);
    }

    /**
     * QEMU's -device value of the NIC. libvirt does not know this device, so it gets a fixed PCI slot far above the
     * ones libvirt hands out from 2 upwards; no option ROM (iPXE is of no use with direct kernel boot).
     */
    static String device(Guest g) {
        return g.nicModel() + ",netdev=" + NETDEV_ID + ",bus=pci.0,addr=" + NIC_PCI_SLOT + ",romfile=";
    }

    /** QEMU's -netdev value: user-mode networking, the SSH port forwarded from the host's loopback only. */
    static String netdev(Guest g) {
        return "user,id=" + NETDEV_ID + ",restrict=" + (g.internet() ? "off" : "on") + ",hostfwd=tcp:127.0.0.1:"
                + g.sshPort() + "-:22";
    }
}

package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hamster.compute.SshPublicKey;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DomainXmlTest {
    static final SshPublicKey KEY = SshPublicKey.parse(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl tenant@example");

    static Guest guest(Path disk, boolean internet) {
        LeaseMetadata md = new LeaseMetadata("agreement-42", 22042, Instant.parse("2026-11-25T10:15:30.123Z"), disk,
                Path.of("/var/lib/hamster/kvm/hamster-agreement-42.serial.log"));
        return new Guest("hamster-agreement-42", DomainType.QEMU, 2, 384, Path.of("/images/vm/vmlinuz"),
                Path.of("/images/vm/initrd.gz"), KernelCmdline.forLease("console=ttyS0 quiet", "agreement-42", KEY),
                disk, md.serialLog(), 22042, "virtio-net-pci", internet, md);
    }

    @Test
    void wellFormedWithTheLeasesLimitsAndDirectKernelBoot() {
        Document doc = Xml.parse(DomainXml.render(guest(null, false)));
        Element domain = doc.getDocumentElement();
        assertEquals("domain", domain.getTagName());
        assertEquals("qemu", domain.getAttribute("type"));
        assertEquals("hamster-agreement-42", text(doc, "name"));
        assertEquals("2", text(doc, "vcpu"));
        Element memory = (Element) doc.getElementsByTagName("memory").item(0);
        assertEquals("384", memory.getTextContent());
        assertEquals("MiB", memory.getAttribute("unit"));
        assertEquals("/images/vm/vmlinuz", text(doc, "kernel"));
        assertEquals("/images/vm/initrd.gz", text(doc, "initrd"));
        assertEquals("none", attr(doc, "memballoon", "model"));
        assertEquals(0, doc.getElementsByTagName("disk").getLength());
    }

    @Test
    void nothingToLookAtButASerialLogFile() {
        Document doc = Xml.parse(DomainXml.render(guest(null, false)));
        assertEquals(0, doc.getElementsByTagName("graphics").getLength());
        assertEquals(0, doc.getElementsByTagName("console").getLength());
        assertEquals(0, doc.getElementsByTagName("channel").getLength());
        assertEquals("none", attr(doc, "model", "type")); // <video><model type='none'/>
        NodeList serials = doc.getElementsByTagName("serial");
        assertEquals(1, serials.getLength());
        Element serial = (Element) serials.item(0);
        assertEquals("file", serial.getAttribute("type"));
        assertEquals("/var/lib/hamster/kvm/hamster-agreement-42.serial.log",
                ((Element) serial.getElementsByTagName("source").item(0)).getAttribute("path"));
        // one interface only, the user-mode one of the QEMU command line
        assertEquals(0, doc.getElementsByTagName("interface").getLength());
    }

    @Test
    void sshIsForwardedFromLoopbackOnly() {
        List<String> args = qemuArgs(Xml.parse(DomainXml.render(guest(null, false))));
        assertEquals(List.of("-netdev", "user,id=hamster0,restrict=on,hostfwd=tcp:127.0.0.1:22042-:22", "-device",
                "virtio-net-pci,netdev=hamster0,bus=pci.0,addr=0x1f,romfile="), args);
        String all = String.join(" ", args);
        assertEquals(1, all.split("hostfwd=", -1).length - 1, "exactly one forward");
        assertFalse(all.contains("0.0.0.0"));
        assertFalse(all.contains("guestfwd"));
        assertTrue(qemuArgs(Xml.parse(DomainXml.render(guest(null, true)))).get(1).contains("restrict=off,"));
    }

    @Test
    void theKeyTravelsBase64OnTheKernelCommandLine() {
        String cmdline = text(Xml.parse(DomainXml.render(guest(null, false))), "cmdline");
        assertTrue(cmdline.startsWith("console=ttyS0 quiet hamster.lease=agreement-42 hamster.key="), cmdline);
        String encoded = cmdline.substring(cmdline.indexOf("hamster.key=") + "hamster.key=".length());
        assertEquals(KEY.line(), new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII));
        assertFalse(encoded.contains(" "));
    }

    @Test
    void aDiskIsAQcow2OnVirtio() {
        Path disk = Path.of("/var/lib/hamster/kvm/hamster-agreement-42.qcow2");
        Document doc = Xml.parse(DomainXml.render(guest(disk, false)));
        Element d = (Element) doc.getElementsByTagName("disk").item(0);
        assertEquals("qcow2", ((Element) d.getElementsByTagName("driver").item(0)).getAttribute("type"));
        assertEquals(disk.toString(), ((Element) d.getElementsByTagName("source").item(0)).getAttribute("file"));
        assertEquals("vda", ((Element) d.getElementsByTagName("target").item(0)).getAttribute("dev"));
    }

    @Test
    void metadataRoundTrip() {
        Guest g = guest(Path.of("/var/lib/hamster/kvm/hamster-agreement-42.qcow2"), false);
        LeaseMetadata back = LeaseMetadata.fromDomainXml(DomainXml.render(g)).orElseThrow();
        assertEquals(g.metadata(), back);
        LeaseMetadata noDisk = LeaseMetadata.fromDomainXml(DomainXml.render(guest(null, false))).orElseThrow();
        assertEquals(null, noDisk.disk());
        assertEquals(22042, noDisk.sshPort());
        assertEquals(Instant.parse("2026-11-25T10:15:30.123Z"), noDisk.created());
    }

    @Test
    void pathsAreEscapedNotInjected() {
        LeaseMetadata md = new LeaseMetadata("x", 2222, Instant.EPOCH, null, Path.of("/tmp/a'b\"<c>&d.log"));
        Guest g = new Guest("hamster-x", DomainType.KVM, 1, 64, Path.of("/k/<vmlinuz>&"), null, "console=ttyS0",
                null, md.serialLog(), 2222, "e1000", false, md);
        String xml = DomainXml.render(g);
        Document doc = Xml.parse(xml);
        assertEquals("/k/<vmlinuz>&", text(doc, "kernel"));
        assertEquals(0, doc.getElementsByTagName("initrd").getLength());
        assertEquals(md, LeaseMetadata.fromDomainXml(xml).orElseThrow());
        assertEquals("kvm", doc.getDocumentElement().getAttribute("type"));
    }

    @Test
    void onlyKnownNicModels() {
        LeaseMetadata md = new LeaseMetadata("x", 2222, Instant.EPOCH, null, Path.of("/tmp/x.log"));
        assertThrows(IllegalArgumentException.class, () -> new Guest("hamster-x", DomainType.QEMU, 1, 64,
                Path.of("/k"), null, "", null, md.serialLog(), 2222, "virtio-net-pci,hostfwd=tcp::22-:22", false, md));
    }

    private static List<String> qemuArgs(Document doc) {
        NodeList args = doc.getElementsByTagNameNS(DomainXml.QEMU_NAMESPACE, "arg");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.getLength(); i++) {
            values.add(((Element) args.item(i)).getAttribute("value"));
        }
        return values;
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static String attr(Document doc, String tag, String attribute) {
        return ((Element) doc.getElementsByTagName(tag).item(0)).getAttribute(attribute);
    }
}

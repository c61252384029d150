package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseMetadataTest {
    /** What libvirt hands back for a domain this backend defined (libvirt re-indents and adds elements). */
    private static final String FROM_LIBVIRT = """
            <domain type='qemu' id='3'>
              <name>hamster-lease-7</name>
              <uuid>f67aa301-1ad8-4880-a0f7-9d19095e0c00</uuid>
              <title>Hamster lease lease-7</title>
              <metadata>
                <hamster:lease xmlns:hamster="urn:x-hamster:backend-kvm:1">
                  <hamster:id>lease-7</hamster:id>
                  <hamster:ssh-port>2207</hamster:ssh-port>
                  <hamster:created>2026-11-25T22:59:01.250Z</hamster:created>
                  <hamster:serial-log>/var/lib/hamster/kvm/hamster-lease-7.serial.log</hamster:serial-log>
                </hamster:lease>
              </metadata>
              <memory unit='KiB'>262144</memory>
            </domain>
            """;

    @Test
    void readsWhatLibvirtReturns() {
        LeaseMetadata m = LeaseMetadata.fromDomainXml(FROM_LIBVIRT).orElseThrow();
        assertEquals(new LeaseMetadata("lease-7", 2207, Instant.parse("2026-11-25T22:59:01.250Z"), null,
                Path.of("/var/lib/hamster/kvm/hamster-lease-7.serial.log")), m);
    }

    @Test
    void domainsWithoutOurElementAreNotOurs() {
        assertTrue(LeaseMetadata.fromDomainXml("<domain type='kvm'><name>hamster-x</name></domain>").isEmpty());
        // same element names in another namespace
        assertTrue(LeaseMetadata.fromDomainXml(FROM_LIBVIRT.replace("urn:x-hamster:backend-kvm:1",
                "urn:someone-else")).isEmpty());
        // our element outside <metadata> does not count
        assertTrue(LeaseMetadata.fromDomainXml("<domain><description><hamster:lease xmlns:hamster="
                + "\"urn:x-hamster:backend-kvm:1\"><hamster:id>a</hamster:id><hamster:ssh-port>1</hamster:ssh-port>"
                + "<hamster:created>2026-01-01T00:00:00Z</hamster:created><hamster:serial-log>/l</hamster:serial-log>"
                + "</hamster:lease></description></domain>").isEmpty());
        // incomplete or damaged
        assertTrue(LeaseMetadata.fromDomainXml(FROM_LIBVIRT.replace("2207", "many")).isEmpty());
        assertTrue(LeaseMetadata.fromDomainXml(FROM_LIBVIRT.replace("<hamster:ssh-port>2207</hamster:ssh-port>",
                "")).isEmpty());
    }

    @Test
    void noDoctypeTricks() {
        String xxe = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><domain>&x;</domain>";
        assertThrows(IllegalArgumentException.class, () -> LeaseMetadata.fromDomainXml(xxe));
    }
}

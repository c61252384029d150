package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.compute.Machine;
import org.junit.jupiter.api.Test;
import org.libvirt.DomainInfo.DomainState;

/** The component's configuration handling and pure helpers; nothing here talks to libvirt. */
class KvmBackendTest {
    @Test
    void activatesWithDefaultsWithoutTouchingLibvirt() throws Exception {
        KvmBackend b = new KvmBackend();
        b.activate(TestConfigs.kvm(Map.of("uri", "qemu:///nowhere", "domainType", "qemu")));
        assertEquals("kvm", b.name());
        assertEquals(DomainType.QEMU, b.domainType());
        assertEquals("/var/lib/hamster/kvm/hamster-a-1.qcow2", b.files().disk("a-1").toString());
        assertEquals("/var/lib/hamster/kvm/hamster-a-1.serial.log", b.files().serialLog("a-1").toString());
        b.deactivate();
    }

    @Test
    void refusesBadConfiguration() {
        for (Map<String, Object> bad : new Map[] {Map.of("uri", " "), Map.of("domainType", "xen"),
                Map.of("kernel", ""), Map.of("kernel", "images/vmlinuz"), Map.of("stateDir", "relative"),
                Map.of("cmdline", "console=ttyS0 hamster.key=x"), Map.of("nicModel", "virtio-net-pci,x=y"),
                Map.of("bootTimeoutSeconds", 0), Map.of("stopTimeoutSeconds", -1), Map.of("qemuImg", "")}) {
            HamsterException e = assertThrows(HamsterException.class,
                    () -> new KvmBackend().activate(TestConfigs.kvm(bad)), bad.toString());
            assertEquals(ErrorCode.CONFIG, e.code());
            assertTrue(e.getMessage().contains(KvmBackend.PID), e.getMessage());
        }
    }

    @Test
    void statesMapToMachineStates() {
        assertEquals(Machine.State.RUNNING, KvmBackend.state(DomainState.VIR_DOMAIN_RUNNING));
        assertEquals(Machine.State.RUNNING, KvmBackend.state(DomainState.VIR_DOMAIN_BLOCKED));
        assertEquals(Machine.State.STOPPED, KvmBackend.state(DomainState.VIR_DOMAIN_SHUTOFF));
        assertEquals(Machine.State.FAILED, KvmBackend.state(DomainState.VIR_DOMAIN_CRASHED));
        assertEquals(Machine.State.FAILED, KvmBackend.state(DomainState.VIR_DOMAIN_PAUSED));
    }

    @Test
    void domainNamesCarryThePrefix() {
        assertEquals("hamster-agreement-42", KvmBackend.domainName("agreement-42"));
    }
}

package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainTypeTest {
    private static final String INTEL_VT = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) CPU
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr vmx smx est tm2 ssse3
            bugs\t\t: spectre_v1

            processor\t: 1
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr vmx smx est tm2 ssse3
            """;
    private static final String AMD_V = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu svm sse2\n";
    /** A Firecracker guest like the build machines: /dev/kvm exists, no virtualisation flag. */
    private static final String NO_FLAG = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge hypervisor lahf_lm cmp_legacy
            vmx flags\t: vnmi preemption_timer
            """;

    @Test
    void autoIsKvmOnlyWithDevKvmAndAFlag() {
        assertEquals(DomainType.KVM, DomainType.choose("auto", true, INTEL_VT));
        assertEquals(DomainType.KVM, DomainType.choose("auto", true, AMD_V));
        assertEquals(DomainType.QEMU, DomainType.choose("auto", false, INTEL_VT));
        assertEquals(DomainType.QEMU, DomainType.choose("auto", true, NO_FLAG));
        assertEquals(DomainType.QEMU, DomainType.choose("auto", true, ""));
    }

    @Test
    void flagsMustBeWholeWordsOnAFlagsLine() {
        assertFalse(DomainType.hasVirtualizationFlag("flags\t\t: fpu vmx_ept nsvm\n"));
        assertFalse(DomainType.hasVirtualizationFlag("model name\t: vmx svm\n"));
        // "vmx flags" (VMX capability details) is not the CPU flags line
        assertFalse(DomainType.hasVirtualizationFlag("vmx flags\t: vmx ept\n"));
        assertTrue(DomainType.hasVirtualizationFlag("flags\t\t: svm\n"));
    }

    @Test
    void explicitSettingsWinAndTypos() {
        assertEquals(DomainType.KVM, DomainType.choose("kvm", false, ""));
        assertEquals(DomainType.QEMU, DomainType.choose(" QEMU ", true, INTEL_VT));
        assertThrows(IllegalArgumentException.class, () -> DomainType.choose("tcg", true, INTEL_VT));
        assertEquals("qemu", DomainType.QEMU.xmlName());
    }
}

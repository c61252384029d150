package org.hamster.backend.kvm.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** libvirt's domain type: hardware-accelerated {@code kvm} or {@code qemu} (TCG, software emulation). */
enum DomainType {
    KVM,
    QEMU;

    private static final Pattern FLAGS_LINE = Pattern.compile("^flags\\s*:(.*)$", Pattern.MULTILINE);

    /** The value of {@code <domain type='...'>}. */
    String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The domain type for the {@code domainType} setting: {@code kvm}, {@code qemu}, or {@code auto}, which is
     * {@code kvm} only when {@code /dev/kvm} exists and the CPU flags in /proc/cpuinfo include vmx (Intel VT-x)
     * or svm (AMD-V). A nested VM can have /dev/kvm without either flag, and there KVM does not boot Linux.
     */
    static DomainType choose(String setting, boolean devKvmExists, String cpuinfo) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "kvm":
                return KVM;
            case "qemu":
                return QEMU;
            case "auto":
                return devKvmExists && hasVirtualizationFlag(cpuinfo) ? KVM : QEMU;
            default:
                throw new IllegalArgumentException("domainType must be auto, kvm or qemu, got '" + setting + "'");
        }
    }

    /** Whether a "flags" line of /proc/cpuinfo lists vmx or svm as a whole flag. */
    static boolean hasVirtualizationFlag(String cpuinfo) {
        var m = FLAGS_LINE.matcher(cpuinfo);
        while (m.find()) {
            for (String flag : m.group(1).trim().split("\\s+")) {
                if (flag.equals("vmx") || flag.equals("svm")) {
                    return true;
                }
            }
        }
        return false;
    }
}

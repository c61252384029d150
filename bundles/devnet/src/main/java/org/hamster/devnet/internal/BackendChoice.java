package org.hamster.devnet.internal;

import java.util.Optional;

/** Which compute backend the development provider uses: the configured one, or the first whose daemon runs. */
final class BackendChoice {
    private BackendChoice() {
    }

    /**
     * @param configured auto, docker, kvm or none
     * @return the backend name (docker or kvm), empty for none
     */
    static Optional<String> choose(String configured, boolean dockerRuns, boolean libvirtRuns) {
        String c = configured.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (c) {
            case "docker", "kvm" -> Optional.of(c);
            case "none" -> Optional.empty();
            case "auto" -> dockerRuns ? Optional.of("docker") : libvirtRuns ? Optional.of("kvm") : Optional.empty();
            default -> throw new IllegalArgumentException("backend must be auto, docker, kvm or none, not '"
                    + configured + "'");
        };
    }

    static String feature(String backend) {
        return "hamster-backend-" + backend;
    }
}

package org.hamster.compute;

/**
 * What a lease gets.
 *
 * @param leaseId names the machine; letters, digits and '-', 1-48 characters (e.g. "agreement-42")
 * @param cpus virtual CPUs (a CPU quota for containers), 1-64
 * @param memoryMiB memory limit in MiB, 64 MiB to 256 GiB
 * @param diskGiB disk size in GiB (0 = the image's own), at most 16 TiB
 * @param sshPublicKey the tenant's key in OpenSSH form, validated by {@link SshPublicKey}
 * @param sshPort the 127.0.0.1 port to serve SSH on, 1024-65535, chosen by the provider
 */
public record MachineSpec(String leaseId, int cpus, long memoryMiB, long diskGiB, SshPublicKey sshPublicKey,
        int sshPort) {
    public MachineSpec {
        if (leaseId == null || !leaseId.matches("[A-Za-z0-9][A-Za-z0-9-]{0,47}")) {
            throw new IllegalArgumentException("a lease id is 1-48 letters, digits or '-', got " + leaseId);
        }
        if (cpus < 1 || cpus > 64) {
            throw new IllegalArgumentException("cpus must be 1-64, got " + cpus);
        }
        if (memoryMiB < 64 || memoryMiB > 256L * 1024) {
            throw new IllegalArgumentException("memory must be 64 MiB to 256 GiB, got " + memoryMiB + " MiB");
        }
        if (diskGiB < 0 || diskGiB > 16L * 1024) {
            throw new IllegalArgumentException("disk must be 0-16384 GiB, got " + diskGiB);
        }
        if (sshPublicKey == null) {
            throw new IllegalArgumentException("a machine needs the tenant's SSH key");
        }
        if (sshPort < 1024 || sshPort > 65535) {
            throw new IllegalArgumentException("the SSH port must be 1024-65535, got " + sshPort);
        }
    }
}

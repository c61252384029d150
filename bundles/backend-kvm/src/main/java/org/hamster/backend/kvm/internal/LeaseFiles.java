package org.hamster.backend.kvm.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.hamster.compute.ComputeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a lease's domain uses in the state directory: its disk, {@code hamster-<leaseId>.qcow2} (a
 * copy-on-write overlay of the base image, or blank), and its serial console log,
 * {@code hamster-<leaseId>.serial.log}. Only files named like that are ever deleted.
 */
final class LeaseFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseFiles.class);
    private static final int SERIAL_TAIL_LINES = 15;
    private final Path stateDir;
    private final Path baseImage;
    private final QemuImg qemuImg;

    /** @param baseImage the qcow2 every disk is an overlay of, or null for blank disks */
    LeaseFiles(Path stateDir, Path baseImage, QemuImg qemuImg) {
        this.stateDir = stateDir;
        this.baseImage = baseImage;
        this.qemuImg = qemuImg;
    }

    Path stateDir() {
        return stateDir;
    }

    Path disk(String leaseId) {
        return stateDir.resolve(KvmBackend.domainName(leaseId) + ".qcow2");
    }

    Path serialLog(String leaseId) {
        return stateDir.resolve(KvmBackend.domainName(leaseId) + ".serial.log");
    }

    /** Creates the state directory if missing, mode 0711: QEMU's own user must reach the disks, not list them. */
    void prepare() throws ComputeException {
        try {
            if (!Files.isDirectory(stateDir)) {
                Files.createDirectories(stateDir);
                Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx--x--x"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new ComputeException("kvm: cannot create the state directory " + stateDir + ": " + e, e);
        }
    }

    /** The base image's virtual size in bytes. */
    long baseImageBytes() throws ComputeException {
        try {
            return qemuImg.virtualSize(baseImage);
        } catch (IOException e) {
            throw new ComputeException("kvm: cannot read the base image " + baseImage + ": " + e.getMessage(), e);
        }
    }

    /** Makes the lease's disk: an overlay of the base image ({@code sizeGiB} 0 = its size) or a blank one. */
    void makeDisk(String leaseId, long sizeGiB) throws ComputeException {
        Path disk = disk(leaseId);
        try {
            Files.deleteIfExists(disk); // a leftover of an interrupted create of this lease
            if (baseImage != null) {
                qemuImg.overlay(baseImage, disk, sizeGiB);
            } else {
                qemuImg.blank(disk, sizeGiB);
            }
        } catch (IOException e) {
            throw new ComputeException("kvm: cannot make the disk " + disk + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the given files of a lease (as recorded in its metadata), skipping any not named for it. */
    void delete(String leaseId, Path... files) {
        String domain = KvmBackend.domainName(leaseId);
        for (Path file : files) {
            if (file == null) {
                continue;
            }
            String n = file.getFileName().toString();
            if (!n.equals(domain + ".qcow2") && !n.equals(domain + ".serial.log")) {
                LOG.warn("kvm: not deleting {}: not a file this backend names for lease {}", file, leaseId);
                continue;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("kvm: cannot delete {}: {}", file, e.toString());
            }
        }
    }

    /** The last lines of a serial log, for an error message ("" when it cannot be read). */
    static String serialTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            List<String> tail = lines.subList(Math.max(0, lines.size() - SERIAL_TAIL_LINES), lines.size());
            return tail.isEmpty() ? "; its serial log " + log + " is empty"
                    : "; last lines of its serial log " + log + ":\n" + String.join("\n", tail).strip();
        } catch (IOException e) {
            return "";
        }
    }
}

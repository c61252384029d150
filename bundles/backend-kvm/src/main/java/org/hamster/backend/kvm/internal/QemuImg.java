package org.hamster.backend.kvm.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** qemu-img, run as a process with an argument list (never through a shell). */
final class QemuImg {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern VIRTUAL_SIZE = Pattern.compile("\"virtual-size\"\\s*:\\s*(\\d+)");
    private final String executable;

    QemuImg(String executable) {
        this.executable = executable;
    }

    /** A copy-on-write qcow2 overlay of {@code base}; {@code sizeGiB} 0 keeps the base's size. */
    void overlay(Path base, Path target, long sizeGiB) throws IOException {
        List<String> args = new ArrayList<>(List.of("create", "-q", "-f", "qcow2", "-b", base.toString(), "-F",
                "qcow2", target.toString()));
        if (sizeGiB > 0) {
            args.add(sizeGiB + "G");
        }
        run(args);
    }

    /** An empty qcow2 disk of {@code sizeGiB}. */
    void blank(Path target, long sizeGiB) throws IOException {
        run(List.of("create", "-q", "-f", "qcow2", target.toString(), sizeGiB + "G"));
    }

    /** The virtual size of an image in bytes. */
    long virtualSize(Path image) throws IOException {
        String json = run(List.of("info", "--output=json", image.toString()));
        Matcher m = VIRTUAL_SIZE.matcher(json);
        if (!m.find()) {
            throw new IOException("qemu-img info " + image + " gave no virtual size");
        }
        return Long.parseLong(m.group(1));
    }

    private String run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + text);
            }
            return text;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + executable, e);
        }
    }
}

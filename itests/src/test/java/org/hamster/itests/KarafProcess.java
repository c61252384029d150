package org.hamster.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A Karaf assembly unpacked into a directory and run as a separate server process, as an operator runs it. */
public final class KarafProcess implements AutoCloseable {
    private final Path home;
    private Process process;
    private Netns netns;

    private KarafProcess(Path home) {
        this.home = home;
    }

    /** Unpacks the zip into {@code dir} (replacing it). */
    public static KarafProcess unpack(Path zip, Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Path root = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("zip entry outside target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (root == null) {
                    root = dir.resolve(dir.relativize(out).getName(0));
                }
            }
        }
        for (String s : new String[] {"karaf", "start", "stop", "client", "inc", "setenv", "shell", "status"}) {
            File f = root.resolve("bin").resolve(s).toFile();
            if (f.exists()) {
                f.setExecutable(true);
            }
        }
        return new KarafProcess(root);
    }

    public Path home() {
        return home;
    }

    /** Runs the server (and bin/client) inside {@code ns} from the next start on. */
    KarafProcess in(Netns ns) {
        netns = ns;
        return this;
    }

    private List<String> command(String... command) {
        return netns == null ? List.of(command) : netns.exec(command);
    }

    /** Sets a key in an etc/ configuration file (appends; the last assignment wins in Karaf cfg files). */
    public void config(String file, String key, String value) throws IOException {
        Path p = home.resolve("etc").resolve(file);
        Files.writeString(p, System.lineSeparator() + key + " = " + value + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    public void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(home.resolve("bin/karaf").toString(), "server"))
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("JAVA_MAX_MEM", "1024m");
        process = pb.start();
    }

    /** Runs one command in the instance's shell through bin/client (SSH on 127.0.0.1:sshPort); returns the output. */
    public String client(int sshPort, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                String.valueOf(sshPort), "-u", "karaf", "-p", "karaf", "-b")).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write((command + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("bin/client did not end: " + out);
        }
        return out;
    }

    /** A clean shutdown with bin/stop; waits until the server has exited. */
    public void stop() throws IOException, InterruptedException {
        new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile())).start()
                .waitFor(60, TimeUnit.SECONDS);
        if (process != null && !process.waitFor(120, TimeUnit.SECONDS)) {
            throw new IOException("the server at " + home + " did not stop within 2 minutes");
        }
    }

    /** SIGKILL to every process of this instance (the launcher script and its JVM). */
    public void kill9() throws IOException, InterruptedException {
        new ProcessBuilder("pkill", "-9", "-f", "karaf.home=" + home).start().waitFor(10, TimeUnit.SECONDS);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        kill9();
    }
}

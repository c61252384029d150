package org.hamster.backend.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamster.compute.ComputeException;

/**
 * The few Docker Engine API calls the backend makes, through docker-java. Each runs with this bundle's class loader
 * as the thread's context class loader (docker-java and Jackson look classes up through it) and turns the library's
 * unchecked errors into a {@link ComputeException} that says what failed and the daemon's reason.
 */
final class DockerEngine implements AutoCloseable {
    private static final Pattern DAEMON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final String host;
    private final DockerClient client;

    private DockerEngine(String host, DockerClient client) {
        this.host = host;
        this.client = client;
    }

    /** A client of the daemon at {@code host} (unix:///path); connects lazily, on the first call. */
    static DockerEngine connect(String host, Duration connectTimeout, Duration responseTimeout) {
        return withBundleLoader(() -> {
            DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(host).withDockerTlsVerify(false).build();
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                    .sslConfig(config.getSSLConfig()).maxConnections(16).connectionTimeout(connectTimeout)
                    .responseTimeout(responseTimeout).build();
            return new DockerEngine(host, DockerClientImpl.getInstance(config, http));
        });
    }

    String host() {
        return host;
    }

    Version version() throws ComputeException {
        return call("version", () -> client.versionCmd().exec());
    }

    Info info() throws ComputeException {
        return call("info", () -> client.infoCmd().exec());
    }

    boolean imageExists(String image) throws ComputeException {
        return call("inspect image " + image, () -> {
            try {
                client.inspectImageCmd(image).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /** The container, if one has this name or id. */
    Optional<InspectContainerResponse> inspect(String nameOrId) throws ComputeException {
        return call("inspect container " + nameOrId, () -> {
            try {
                return Optional.of(client.inspectContainerCmd(nameOrId).exec());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Ids of every container, running or not, with a label {@code key} or {@code key=value}. */
    List<String> containerIds(String label) throws ComputeException {
        return call("list containers", () -> client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(label)).exec().stream().map(Container::getId).toList());
    }

    /** Creates a container; its id, or empty if the name is taken. */
    Optional<String> create(String image, String name, Map<String, String> labels, List<String> env,
            HostConfig hostConfig, int stopTimeoutSeconds) throws ComputeException {
        return call("create container " + name, () -> {
            try {
                return Optional.of(client.createContainerCmd(image).withName(name).withLabels(labels).withEnv(env)
                        .withHostConfig(hostConfig).withStopTimeout(stopTimeoutSeconds).exec().getId());
            } catch (ConflictException e) {
                return Optional.empty();
            }
        });
    }

    /** Unpacks a tar archive at the container's root; the entries keep their modes and are owned by root. */
    void copyToRoot(String id, byte[] tar) throws ComputeException {
        call("copy into container " + id, () -> client.copyArchiveToContainerCmd(id).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(tar)).withNoOverwriteDirNonDir(true).exec());
    }

    void start(String id) throws ComputeException {
        call("start container " + id, () -> {
            try {
                return client.startContainerCmd(id).exec();
            } catch (NotModifiedException e) {
                return null; // already running
            }
        });
    }

    void stop(String id, int timeoutSeconds) throws ComputeException {
        call("stop container " + id, () -> {
            try {
                return client.stopContainerCmd(id).withTimeout(timeoutSeconds).exec();
            } catch (NotModifiedException e) {
                return null; // not running
            }
        });
    }

    /** Removes a container, stopping it first if need be; nothing happens if it is gone. */
    void remove(String id) throws ComputeException {
        call("remove container " + id, () -> {
            try {
                return client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                return null;
            }
        });
    }

    /** The last lines the container wrote (stdout and stderr), for error messages; empty if they cannot be read. */
    String logTail(String id, int lines) {
        StringBuilder text = new StringBuilder();
        try {
            call("logs of container " + id, () -> {
                try (ResultCallback.Adapter<Frame> callback = client.logContainerCmd(id).withStdOut(true)
                        .withStdErr(true).withTail(lines).exec(new ResultCallback.Adapter<>() {
                            @Override
                            public void onNext(Frame frame) {
                                synchronized (text) {
                                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                                }
                            }
                        })) {
                    callback.awaitCompletion(5, TimeUnit.SECONDS);
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
        } catch (ComputeException e) {
            return "";
        }
        synchronized (text) {
            return text.toString().strip();
        }
    }

    @Override
    public void close() {
        withBundleLoader(() -> {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                // closing an idle connection pool; nothing to report
            }
            return null;
        });
    }

    /**
     * Runs {@code cmd} in the container with its stdin fed from {@code in} and its stdout written to {@code out}
     * (a hijacked Engine API connection, no shell); {@code done} runs when the process ends or the copy fails.
     */
    void execPipe(String id, List<String> cmd, java.io.InputStream in, java.io.OutputStream out, Runnable done)
            throws ComputeException {
        String exec = call("exec in " + id, () -> client.execCreateCmd(id).withAttachStdin(true)
                .withAttachStdout(true).withAttachStderr(false).withCmd(cmd.toArray(String[]::new)).exec().getId());
        call("start exec in " + id, () -> client.execStartCmd(exec).withStdIn(in).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    out.write(frame.getPayload());
                    out.flush();
                } catch (IOException e) {
                    done.run();
                }
            }

            @Override
            public void onError(Throwable t) {
                done.run();
            }

            @Override
            public void onComplete() {
                done.run();
            }
        }));
    }

    private <T> T call(String what, Supplier<T> action) throws ComputeException {
        try {
            return withBundleLoader(action);
        } catch (DockerException e) {
            throw new ComputeException("docker: " + what + ": " + daemonMessage(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new ComputeException("docker: " + what + ": cannot talk to the daemon at " + host + " ("
                    + rootCause(e) + ")", e);
        }
    }

    private static <T> T withBundleLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DockerEngine.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The daemon's own words from a docker-java message such as {@code Status 404: {"message":"No such ..."}}. */
    static String daemonMessage(String message) {
        if (message == null) {
            return "no reason given";
        }
        Matcher m = DAEMON_MESSAGE.matcher(message);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\").strip();
        }
        return message.strip();
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
    }
}

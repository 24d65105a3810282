package io.capexwatch.localinfra.launch;

import io.capexwatch.localinfra.ChildProcesses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One packaged service running as a child JVM, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Service service;
    private final Process process;
    private final int port;
    private final Path log;
    private final Supplier<ServiceProcess> again;

    private ServiceProcess(Service service, Process process, int port, Path log, Supplier<ServiceProcess> again) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.log = log;
        this.again = again;
    }

    /**
     * @param env configuration as environment variables, the way Kubernetes passes it
     */
    public static ServiceProcess start(Service service, Path projectRoot, int port, Map<String, String> env, Path logDir,
                                       List<String> jvmOptions) {
        Path jar = service.jar(projectRoot).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(service.module() + ".log").toAbsolutePath();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            // From its own directory, as a JDK AOT cache (app.aot, relative paths) requires.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            return new ServiceProcess(service, builder.start(), port, log,
                    () -> start(service, projectRoot, port, env, logDir, jvmOptions));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    /**
     * The same service started again as a new process: same port, configuration and log file (appended to).
     * Not ready yet: {@link #awaitReady()}.
     */
    public ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(service.module() + " on port " + port + " is still running");
        }
        return again.get();
    }

    /** SIGKILL: the process dies at once, mid-request and mid-transaction, as in a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Service service() {
        return service;
    }

    public Path log() {
        return log;
    }

    /** Resident memory of the process in KiB (Linux /proc), e.g. right after it became ready. */
    public long residentKiB() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /q/health/ready answers 200 (database, Kafka and, for verdict-api, Redis are up). */
    public void awaitReady() {
        awaitHealth("ready", Duration.ofMillis(250));
    }

    /**
     * Waits until {@code /q/health/<check>} answers 200: "live" once the application has started, "ready"
     * once it can serve.
     *
     * @param pollEvery how often to ask; the startup benchmark asks often to measure the moment
     */
    public void awaitHealth(String check, Duration pollEvery) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/" + check))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(pollEvery);
        }
        throw new IllegalStateException(service.module() + " not " + check + " within " + READY_TIMEOUT + "; see " + log);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, so Quarkus shuts down gracefully; killed if it has not stopped within 20 s. */
    @Override
    public void close() {
        ChildProcesses.stop(process, 20);
    }
}

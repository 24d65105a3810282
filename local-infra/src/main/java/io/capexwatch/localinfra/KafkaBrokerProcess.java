package io.capexwatch.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Apache Kafka 4.3 in KRaft mode (one combined broker/controller) as a child JVM, using the broker jars
 * that the local-infra build copies to {@code target/lib}. It can be stopped (SIGTERM, a controlled
 * shutdown) or killed (SIGKILL) and started again on the same ports and data, so clients reconnect to the
 * bootstrap address they know (the broker-outage tests).
 */
final class KafkaBrokerProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final String STARTED_LINE = "Kafka Server started";

    private final Path config;
    private final Path log4j;
    private final Path logFile;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path config, Path log4j, Path logFile, int port) {
        this.config = config;
        this.log4j = log4j;
        this.logFile = logFile;
        this.port = port;
    }

    /** @param dir the broker's home: config, log and data; kept between runs */
    static KafkaBrokerProcess start(Path dir) {
        return start(dir, Ports.free());
    }

    /** On a given client port (developer mode); the controller listener takes a free one. */
    static KafkaBrokerProcess start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            int controllerPort = Ports.free();
            Path config = writeConfig(dir, port, controllerPort);
            Path log4j = writeLog4jConfig(dir);
            Path logFile = dir.resolve("kafka.log");
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                run(command(log4j, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "--cluster-id=" + newClusterId(), "-c", config.toString()), logFile, Duration.ofSeconds(60));
            }
            KafkaBrokerProcess broker = new KafkaBrokerProcess(config, log4j, logFile, port);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    /** Starts the broker (again) on its ports and data and waits until it serves; does nothing if it runs. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = new ProcessBuilder(command(log4j, "kafka.Kafka", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitStarted(logOffset);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    /** A controlled shutdown (SIGTERM), SIGKILL if it takes longer than 20 s; the data stays. */
    synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, 20);
        }
    }

    /** SIGKILL: the broker dies without a controlled shutdown, as in a crash; the data stays. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int port() {
        return port;
    }

    /** Waits for the started line written after {@code logOffset} (the log is appended to across restarts). */
    private void awaitStarted(long logOffset) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + ":\n" + tail(logFile));
            }
            if (logSince(logOffset).contains(STARTED_LINE) && Ports.isOpen(port)) {
                return;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("Kafka did not start within " + STARTUP_TIMEOUT + ":\n" + tail(logFile));
    }

    private String logSince(long offset) throws IOException {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Path writeConfig(Path dir, int port, int controllerPort) throws IOException {
        String data = dir.resolve("data").toAbsolutePath().toString();
        String properties = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                """.formatted(port, controllerPort, data);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return config;
    }

    private static Path writeLog4jConfig(Path dir) throws IOException {
        String config = """
                status = warn
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = WARN
                rootLogger.appenderRef.out.ref = OUT
                logger.started.name = kafka.server.KafkaRaftServer
                logger.started.level = INFO
                """;
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> command(Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Jvm.javaExecutable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                "-cp", classpath(),
                KafkaBrokerMain.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command, Path logFile, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed:\n" + tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker jars plus the classes of this module (for {@link KafkaBrokerMain}). */
    private static String classpath() {
        Path lib = libDirectory();
        return ownLocation() + File.pathSeparator + lib.toAbsolutePath() + File.separator + "*";
    }

    static Path libDirectory() {
        String configured = System.getProperty("capexwatch.infra.lib");
        Path lib = configured != null ? Path.of(configured) : ownLocation().getParent().resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka broker jars not found in " + lib.toAbsolutePath()
                    + ": build the local-infra module first (./mvnw -pl local-infra package)");
        }
        return lib;
    }

    private static Path ownLocation() {
        try {
            return Path.of(KafkaBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kafka cluster ids are 16 random bytes in URL-safe base64 without padding. One may start with '-',
     * so it is passed as --cluster-id=ID, never as a separate argument an option parser could misread.
     */
    private static String newClusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}

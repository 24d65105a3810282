package io.capexwatch.localinfra.launch;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one start of a service spent its wall-clock time, read from its log: Quarkus prints each start-up
 * step's time with {@code -Dquarkus.debug.print-startup-times=true} (the steps run one after another on the
 * main thread), and SmallRye Reactive Messaging logs at DEBUG when it begins and ends creating its channels
 * (the Kafka consumers and producers) inside the StartupEvent step. Steps are grouped by the extension that
 * recorded them; what no step covers (the JVM's start and Quarkus' bootstrap before the first step, the
 * time between steps, and from listening to the first 200 from the health endpoints) is counted apart.
 * It also counts the Kafka consumers whose record stream was subscribed before that first ready 200, so a
 * start-up change that defers the consumers shows up here.
 *
 * @param consumers             the incoming Kafka channels the start configured (SRMSG18229, one per channel)
 * @param subscribedBeforeReady how many of them logged their subscription (SRMSG18257) before the first ready 200
 */
record StartupBreakdown(Map<Part, Long> millis, int consumers, int subscribedBeforeReady) {
    /** The JVM options that make a start log what {@link #parse} reads. */
    static final List<String> JVM_OPTIONS = List.of("-Dquarkus.debug.print-startup-times=true",
            "-Dquarkus.log.category.\"io.smallrye.reactive.messaging.provider\".level=DEBUG");

    enum Part {
        JVM_AND_BOOTSTRAP("JVM start + Quarkus bootstrap"),
        ARC("CDI container (ArC)"),
        LISTENERS("ArC's bean-container listeners (here: Hibernate ORM's metadata)"),
        FLYWAY("Flyway"),
        HIBERNATE("Hibernate ORM/Reactive (+ JTA)"),
        KAFKA("Kafka channels (consumers, producers)"),
        REDIS("Redis client"),
        HTTP("Vert.x, HTTP, REST, security"),
        OPENAPI("OpenAPI document"),
        APPLICATION("application StartupEvent observers"),
        OTHER("other steps"),
        UNCOVERED("between steps, to first 200"),
        READY("total to ready");

        final String title;

        Part(String title) {
            this.title = title;
        }
    }

    private static final Pattern STEP = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) Build step (\\w+)\\.(\\w+) completed in: (\\d+)ms");
    private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) ");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    /** SRMSG00226 "Found incoming connectors" opens the channel set-up, SRMSG00236 "Materialization completed" ends it. */
    private static final String MESSAGING_BEGINS = "SRMSG00226";
    private static final String MESSAGING_ENDS = "SRMSG00236";
    /** SRMSG18229 "Configured topics for channel": one per incoming channel; SRMSG18257: its record stream subscribed. */
    private static final String CONSUMER_CONFIGURED = "SRMSG18229";
    private static final String CONSUMER_SUBSCRIBED = "SRMSG18257";

    /**
     * @param log        what the service wrote during this one start
     * @param startEpoch when its process was started (epoch milliseconds, this machine's clock)
     * @param readyMillis time from that start to the first 200 from /q/health/ready
     */
    static StartupBreakdown parse(String log, long startEpoch, long readyMillis) {
        Map<Part, Long> parts = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            parts.put(part, 0L);
        }
        Long firstStepBegins = null;
        long steps = 0;
        Long messagingBegins = null;
        Long messagingEnds = null;
        long startupEventStep = -1;
        int consumers = 0;
        int subscribed = 0;
        for (String line : log.lines().toList()) {
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                long ends = epoch(step.group(1));
                long took = Long.parseLong(step.group(4));
                if (firstStepBegins == null) {
                    firstStepBegins = ends - took;
                }
                steps += took;
                String processor = step.group(2);
                if (processor.equals("LifecycleEventsBuildStep") && step.group(3).equals("startupEvent")) {
                    startupEventStep = took;
                } else {
                    parts.merge(partOf(processor, step.group(3)), took, Long::sum);
                }
                continue;
            }
            Matcher stamp = TIMESTAMP.matcher(line);
            if (!stamp.find()) {
                continue;
            }
            if (line.contains(MESSAGING_BEGINS) && messagingBegins == null) {
                messagingBegins = epoch(stamp.group(1));
            } else if (line.contains(MESSAGING_ENDS)) {
                messagingEnds = epoch(stamp.group(1));
            } else if (line.contains(CONSUMER_CONFIGURED)) {
                consumers++;
            } else if (line.contains(CONSUMER_SUBSCRIBED) && epoch(stamp.group(1)) <= startEpoch + readyMillis) {
                subscribed++;
            }
        }
        if (firstStepBegins == null || startupEventStep < 0) {
            throw new IllegalStateException("no start-up step timings in the log: was it started with " + JVM_OPTIONS + "?");
        }
        if (messagingBegins == null || messagingEnds == null) {
            throw new IllegalStateException("no SmallRye Reactive Messaging start (" + MESSAGING_BEGINS + ", " + MESSAGING_ENDS
                    + ") in the log");
        }
        long messaging = Math.min(startupEventStep, messagingEnds - messagingBegins);
        parts.merge(Part.KAFKA, messaging, Long::sum);
        parts.put(Part.APPLICATION, startupEventStep - messaging);
        long bootstrap = Math.max(0, firstStepBegins - startEpoch);
        parts.put(Part.JVM_AND_BOOTSTRAP, bootstrap);
        parts.put(Part.UNCOVERED, Math.max(0, readyMillis - bootstrap - steps));
        parts.put(Part.READY, readyMillis);
        return new StartupBreakdown(parts, consumers, subscribed);
    }

    private static Part partOf(String processor, String step) {
        if (processor.startsWith("Flyway")) {
            return Part.FLYWAY;
        }
        if (processor.startsWith("HibernateOrm") || processor.startsWith("HibernateReactive") || processor.startsWith("Panache")
                || processor.startsWith("Narayana")) {
            return Part.HIBERNATE;
        }
        if (processor.startsWith("SmallRyeReactiveMessaging") || processor.startsWith("Kafka")) {
            return Part.KAFKA;
        }
        if (processor.startsWith("Redis")) {
            return Part.REDIS;
        }
        if (processor.startsWith("Arc")) {
            return step.equals("notifyBeanContainerListeners") ? Part.LISTENERS : Part.ARC;
        }
        if (processor.startsWith("SmallRyeOpenApi")) {
            return Part.OPENAPI;
        }
        if (processor.startsWith("VertxHttp") || processor.startsWith("Resteasy") || processor.startsWith("HttpSecurity")
                || processor.startsWith("StaticResources") || processor.startsWith("Vertx") || processor.startsWith("Security")) {
            return Part.HTTP;
        }
        return Part.OTHER;
    }

    private static long epoch(String timestamp) {
        return LocalDateTime.parse(timestamp, FORMAT).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** Markdown table rows: each part's median over the starts, per service and variant. */
    static List<String> table(Map<String, List<StartupBreakdown>> byServiceAndVariant) {
        List<String> rows = new ArrayList<>();
        StringBuilder header = new StringBuilder("| service, variant |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Part part : Part.values()) {
            header.append(' ').append(part.title).append(" |");
            rule.append("---:|");
        }
        rows.add(header.toString());
        rows.add(rule.toString());
        byServiceAndVariant.forEach((name, starts) -> {
            StringBuilder row = new StringBuilder("| ").append(name).append(" |");
            for (Part part : Part.values()) {
                long[] values = starts.stream().mapToLong(s -> s.millis().get(part)).sorted().toArray();
                row.append(' ').append(values[values.length / 2]).append(" |");
            }
            rows.add(row.toString());
        });
        return rows;
    }

    /** Per service and variant: the Kafka consumers subscribed before the first ready 200, fewest over the starts. */
    static List<String> subscriptions(Map<String, List<StartupBreakdown>> byServiceAndVariant) {
        List<String> lines = new ArrayList<>();
        byServiceAndVariant.forEach((name, starts) -> {
            int consumers = starts.stream().mapToInt(StartupBreakdown::consumers).max().orElse(0);
            int fewest = starts.stream().mapToInt(StartupBreakdown::subscribedBeforeReady).min().orElse(0);
            lines.add(consumers == 0 ? "- %s: no Kafka consumers".formatted(name)
                    : "- %s: %d of %d Kafka consumers subscribed before the first ready 200 (fewest over %d starts)"
                            .formatted(name, fewest, consumers, starts.size()));
        });
        return lines;
    }
}

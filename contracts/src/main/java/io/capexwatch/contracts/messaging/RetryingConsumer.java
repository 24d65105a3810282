package io.capexwatch.contracts.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.CompanyMessage;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.contracts.messages.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Function;

/**
 * How every consumer handles a message of one topic. A payload that cannot be read, or has a schema version
 * this build does not know, fails at once and so goes to the topic's dead-letter topic with the reason in its
 * headers. A readable one is handled, and a failing handler (PostgreSQL restarting, a lost connection) is
 * retried with exponential backoff (capped at {@link #RETRY_MAX}), each retry logged and counted, until it
 * succeeds: a valid message is never dead-lettered. While it retries, the company's later messages wait
 * behind it (its partition is in order), so nothing is skipped; a handler that keeps failing shows in
 * {@code capexwatch.<topic>.retries} and the log, not as a lost change.
 */
public final class RetryingConsumer<T extends CompanyMessage> {
    private static final Logger LOG = Logger.getLogger(RetryingConsumer.class);
    static final Duration RETRY_FIRST = Duration.ofMillis(500);
    static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final String topic;
    private final Class<T> type;
    private final int schemaVersion;
    private final ObjectMapper mapper;
    private final Counter rejected;
    private final Counter retries;

    /**
     * @param topic names the metrics and log lines: capexwatch.&lt;topic&gt;.rejected and .retries
     */
    public RetryingConsumer(String topic, Class<T> type, int schemaVersion, ObjectMapper mapper, MeterRegistry registry) {
        this.topic = topic;
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.mapper = mapper;
        this.rejected = registry.counter("capexwatch." + topic + ".rejected");
        this.retries = registry.counter("capexwatch." + topic + ".retries");
    }

    public Uni<Void> consume(String payload, Function<T, Uni<Void>> handler) {
        T message;
        try {
            message = KafkaMessages.read(mapper, payload, type, schemaVersion);
        } catch (IllegalArgumentException e) {
            rejected.increment();
            LOG.errorf("%s message rejected to the dead-letter topic: %s", topic, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        String what = topic + " of " + message.ticker() + (message instanceof Snapshot s ? " revision " + s.revision() : "");
        return Uni.createFrom().deferred(() -> handler.apply(message))
                .onFailure().invoke(e -> {
                    retries.increment();
                    LOG.warnf("handling %s failed, retrying with backoff: %s: %s", what, e.getClass().getSimpleName(),
                            e.getMessage());
                })
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }
}

package io.capexwatch.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.CompanyMessage;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;

/** Messages onto the real broker the way the producers send them: JSON keyed by CIK. */
public final class TestMessages {
    public static final String METRICS = "capexwatch.metrics";
    public static final String FILING_STATUS = "capexwatch.filing-status";

    private TestMessages() {
    }

    public static void send(String bootstrap, ObjectMapper mapper, String topic, CompanyMessage message) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, Long.toString(message.cik()),
                    mapper.writeValueAsString(message))).awaitCompletion();
        }
    }

    /** Alphabet's metric series under a test company's identity, so tests do not touch each other's verdicts. */
    public static MetricsSnapshot alphabetSeriesAs(long cik, String ticker, long revision) {
        return new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, cik, ticker, ticker + " TEST CO", revision, revision,
                Instant.parse("2026-05-01T00:00:00Z"), AlphabetMetrics.quarters());
    }
}

package io.capexwatch.tracker.messaging;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves what reached capexwatch.fundamentals.dlq for one company: an unreadable marker is sent under the
 * company's key, so it is consumed after every earlier message of that company, and it must reach the
 * dead-letter topic as the only record of that key, with the reason in its headers.
 */
final class DeadLetters {
    static final String FUNDAMENTALS = "capexwatch.fundamentals";
    private static final String DLQ = "capexwatch.fundamentals.dlq";

    private DeadLetters() {
    }

    static void assertOnlyTheUnreadableMarker(KafkaCompanion kafka, long cik) {
        String key = Long.toString(cik);
        String marker = "{unreadable marker " + UUID.randomUUID();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(FUNDAMENTALS, key, marker)).awaitCompletion();
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(DLQ);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> dead.getRecords().stream().anyMatch(r -> marker.equals(r.value())));
            List<ConsumerRecord<String, String>> ofCompany = dead.getRecords().stream().filter(r -> key.equals(r.key())).toList();
            assertEquals(List.of(marker), ofCompany.stream().map(ConsumerRecord::value).toList(),
                    "only the unreadable marker is dead-lettered for CIK " + cik);
            String reason = new String(ofCompany.getFirst().headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("unreadable payload"), reason);
        } finally {
            dead.stop();
        }
    }
}

package io.capexwatch.contracts.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** How snapshots travel: JSON, keyed by CIK so one company's messages stay in order. */
public final class KafkaSnapshots {
    private KafkaSnapshots() {
    }

    /** Completes when the broker has acknowledged the record. */
    public static Uni<Void> send(MutinyEmitter<String> emitter, ObjectMapper mapper, Snapshot snapshot) {
        String json;
        try {
            json = mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.sendMessage(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Long.toString(snapshot.cik()))
                .build()));
    }

    /**
     * @throws IllegalArgumentException for a payload that cannot be read, of another schema version, or
     *                                  without the identity every snapshot needs; it belongs in the dead-letter topic
     */
    public static <T extends Snapshot> T read(ObjectMapper mapper, String payload, Class<T> type, int schemaVersion) {
        T snapshot;
        try {
            snapshot = mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable payload: " + e.getOriginalMessage(), e);
        }
        if (snapshot.schemaVersion() != schemaVersion) {
            throw new IllegalArgumentException("unknown schemaVersion " + snapshot.schemaVersion());
        }
        if (snapshot.cik() <= 0 || snapshot.ticker() == null) {
            throw new IllegalArgumentException("snapshot without cik or ticker");
        }
        return snapshot;
    }
}

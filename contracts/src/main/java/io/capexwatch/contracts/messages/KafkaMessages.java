package io.capexwatch.contracts.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** How company messages travel: JSON, keyed by CIK so one company's messages stay in order. */
public final class KafkaMessages {
    private KafkaMessages() {
    }

    /** Completes when the broker has acknowledged the record. */
    public static Uni<Void> send(MutinyEmitter<String> emitter, ObjectMapper mapper, CompanyMessage message) {
        String json;
        try {
            json = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.sendMessage(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Long.toString(message.cik()))
                .build()));
    }

    /**
     * @throws IllegalArgumentException for a payload that cannot be read, of another schema version, or
     *                                  without the identity every message needs; it belongs in the dead-letter topic
     */
    public static <T extends CompanyMessage> T read(ObjectMapper mapper, String payload, Class<T> type, int schemaVersion) {
        T message;
        try {
            message = mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable payload: " + e.getOriginalMessage(), e);
        }
        if (message.schemaVersion() != schemaVersion) {
            throw new IllegalArgumentException("unknown schemaVersion " + message.schemaVersion());
        }
        if (message.cik() <= 0 || message.ticker() == null) {
            throw new IllegalArgumentException("message without cik or ticker");
        }
        return message;
    }
}

package io.capexwatch.tracker.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends metric snapshots to Kafka, keyed by CIK. */
@ApplicationScoped
public class MetricsPublisher {
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public MetricsPublisher(@Channel("metrics") MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> send(MetricsSnapshot snapshot) {
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
}

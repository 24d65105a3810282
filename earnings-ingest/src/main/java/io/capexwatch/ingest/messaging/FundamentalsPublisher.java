package io.capexwatch.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends fundamentals snapshots to Kafka, keyed by CIK so one company's snapshots stay in order. */
@ApplicationScoped
public class FundamentalsPublisher {
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public FundamentalsPublisher(@Channel("fundamentals") MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> send(FundamentalsSnapshot snapshot) {
        String json;
        try {
            json = mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Long.toString(snapshot.cik()))
                .build();
        return emitter.sendMessage(Message.of(json).addMetadata(key));
    }
}

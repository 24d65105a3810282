package io.capexwatch.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** What the dead-letter topics ({@code *.dlq}) hold, read from the broker's offsets. */
final class DeadLetters {
    private DeadLetters() {
    }

    /** Messages on every {@code *.dlq} topic that exists, by topic (an absent topic holds none). */
    static Map<String, Long> count(String bootstrap) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq")).collect(Collectors.toSet());
            Map<String, Long> counts = new TreeMap<>();
            if (topics.isEmpty()) {
                return counts;
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> {
                    earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                    latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
                });
            }
            var first = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
            var last = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            last.forEach((partition, offset) -> counts.merge(partition.topic(),
                    offset.offset() - first.get(partition).offset(), Long::sum));
            return counts;
        }
    }
}

package io.capexwatch.verdict.cache;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Verdict changes as events for live push. Each event's id is the Redis version of the snapshot that
 * carried the change, the same on every replica, so a client that reconnects with Last-Event-ID to any
 * replica gets every change after it. The last {@value #LOG_SIZE} events are kept for resuming; a client
 * further behind gets the whole current snapshot instead, so it never misses a change.
 */
@ApplicationScoped
public class VerdictEvents {
    static final int LOG_SIZE = 1_000;

    /** @param ticker null for an event carrying every current verdict (a JSON array) */
    public record VerdictEvent(long id, String ticker, String json) {
    }

    private final BroadcastProcessor<VerdictEvent> live = BroadcastProcessor.create();
    private final Deque<VerdictEvent> log = new ArrayDeque<>();

    /** Called with each new snapshot: one event per ticker whose verdict changed. */
    void changed(VerdictSnapshot before, VerdictSnapshot after) {
        List<VerdictEvent> events = new ArrayList<>();
        for (Map.Entry<String, CachedJson> entry : after.byTicker().entrySet()) {
            CachedJson previous = before == null ? null : before.byTicker().get(entry.getKey());
            if (previous == null || !previous.etag().equals(entry.getValue().etag())) {
                events.add(new VerdictEvent(after.version(), entry.getKey(), new String(entry.getValue().body(),
                        UTF_8)));
            }
        }
        synchronized (log) {
            for (VerdictEvent event : events) {
                log.addLast(event);
                if (log.size() > LOG_SIZE) {
                    log.removeFirst();
                }
            }
        }
        events.forEach(live::onNext);
    }

    /**
     * The events after {@code lastEventId}, then live ones.
     *
     * @param lastEventId null for live events only
     * @param current     the snapshot to send whole when the log no longer reaches back that far
     */
    public Multi<VerdictEvent> after(Long lastEventId, VerdictSnapshot current) {
        if (lastEventId == null) {
            return live;
        }
        List<VerdictEvent> missed;
        synchronized (log) {
            boolean covered = log.isEmpty() || log.peekFirst().id() <= lastEventId + 1;
            missed = covered ? log.stream().filter(e -> e.id() > lastEventId).toList()
                    : current == null ? List.of()
                    : List.of(new VerdictEvent(current.version(), null, new String(current.all().body(),
                    UTF_8)));
        }
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(missed), live);
    }
}

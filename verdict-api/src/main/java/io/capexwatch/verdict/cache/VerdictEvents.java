package io.capexwatch.verdict.cache;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Verdict changes as events for live push. Each event's id is the Redis version of the snapshot that
 * carried the change, which names the same content on every replica, so a client that reconnects with
 * Last-Event-ID to any replica gets every change after it. The last {@value #LOG_SIZE} events are kept for
 * resuming; a client further behind gets the whole current snapshot instead, so it never misses a change.
 */
@ApplicationScoped
public class VerdictEvents {
    static final int LOG_SIZE = 1_000;

    /**
     * @param ticker  null for an event carrying every current verdict (a JSON array)
     * @param json    the changed company's full verdict (or the array of all)
     * @param summary its line of the compact summary (or the whole summary), for {@code ?view=summary}
     */
    public record VerdictEvent(long id, String ticker, String json, String summary) {
    }

    private final BroadcastProcessor<VerdictEvent> live = BroadcastProcessor.create();
    private final Deque<VerdictEvent> log = new ArrayDeque<>();
    /** Runs between subscribing to live events and reading the log; tests use it to land a change there. */
    private volatile Supplier<Uni<Void>> beforeReplay = VerdictEvents::nothing;

    private static Uni<Void> nothing() {
        return Uni.createFrom().voidItem();
    }

    /** For tests: {@code hook} runs once, the next time a client resumes, between subscribing and replaying. */
    void beforeNextReplay(Supplier<Uni<Void>> hook) {
        beforeReplay = () -> {
            beforeReplay = VerdictEvents::nothing;
            return hook.get();
        };
    }

    /** Called with each new snapshot: one event per ticker whose verdict changed. */
    void changed(VerdictSnapshot before, VerdictSnapshot after) {
        List<VerdictEvent> events = new ArrayList<>();
        for (Map.Entry<String, CachedJson> entry : after.byTicker().entrySet()) {
            CachedJson previous = before == null ? null : before.byTicker().get(entry.getKey());
            if (previous == null || !previous.etag().equals(entry.getValue().etag())) {
                events.add(new VerdictEvent(after.version(), entry.getKey(), new String(entry.getValue().body(), UTF_8),
                        new String(after.sources().get(entry.getKey()).summary(), UTF_8)));
            }
        }
        // All events of one version enter the log together, before any is broadcast: a resuming client's
        // replay holds either all of a version's events or none.
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
     * The events after {@code lastEventId}, then live ones, each once. Live events are subscribed to
     * first and held back while the log is replayed, so a change landing meanwhile is not lost; those the
     * replay already carried (an id not above the last replayed) are dropped.
     *
     * @param lastEventId null for live events only
     * @param current     the snapshot to send whole when the log no longer reaches back that far
     */
    public Multi<VerdictEvent> after(Long lastEventId, Supplier<VerdictSnapshot> current) {
        if (lastEventId == null) {
            return live;
        }
        return Multi.createFrom().emitter(emitter -> {
            Resumption resumption = new Resumption(emitter);
            Cancellable liveEvents = live.subscribe().with(resumption::live, emitter::fail, emitter::complete);
            emitter.onTermination(liveEvents::cancel);
            beforeReplay.get().subscribe().with(
                    done -> resumption.replayed(missed(lastEventId, current.get()), lastEventId),
                    emitter::fail);
        });
    }

    private List<VerdictEvent> missed(long lastEventId, VerdictSnapshot current) {
        synchronized (log) {
            boolean covered = !log.isEmpty() && log.peekFirst().id() <= lastEventId + 1;
            if (covered) {
                return log.stream().filter(e -> e.id() > lastEventId).toList();
            }
        }
        return current == null || current.version() <= lastEventId ? List.of()
                : List.of(new VerdictEvent(current.version(), null, new String(current.all().body(), UTF_8),
                        new String(current.summary().body(), UTF_8)));
    }

    /** One resuming client: live events wait until the replay is sent, then pass if they are newer. */
    private static final class Resumption {
        private final MultiEmitter<? super VerdictEvent> emitter;
        private List<VerdictEvent> held = new ArrayList<>();
        private long replayedUpTo;

        Resumption(MultiEmitter<? super VerdictEvent> emitter) {
            this.emitter = emitter;
        }

        synchronized void live(VerdictEvent event) {
            if (held != null) {
                held.add(event);
            } else if (event.id() > replayedUpTo) {
                emitter.emit(event);
            }
        }

        synchronized void replayed(List<VerdictEvent> missed, long lastEventId) {
            missed.forEach(emitter::emit);
            replayedUpTo = missed.isEmpty() ? lastEventId : Math.max(lastEventId, missed.get(missed.size() - 1).id());
            held.stream().filter(event -> event.id() > replayedUpTo).forEach(emitter::emit);
            held = null;
        }
    }
}

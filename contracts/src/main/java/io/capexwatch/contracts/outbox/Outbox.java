package io.capexwatch.contracts.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.contracts.messages.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The outbox of one topic, for every producing service. The caller's transaction has already committed the
 * change with a new revision; publication then
 * <ol>
 * <li>reads the pending snapshot in a short read transaction of its own ({@link Store#loadPending}), or takes
 * it from the caller that has just committed it ({@link #publishCommitted}),</li>
 * <li>sends it to Kafka outside any transaction, holding no database connection, and waits at most
 * {@code sendTimeout} for the broker's acknowledgement,</li>
 * <li>marks the revision published in another short transaction, never backwards.</li>
 * </ol>
 * A failure at any step is logged (WARN) and counted ({@code capexwatch.<topic>.publish.failures}) and the
 * company stays unpublished, so the periodic {@link #sweep()} sends it again: a Kafka or PostgreSQL outage
 * delays a change but never loses it.
 * <p>
 * Two replicas sweeping at once, or a sweep overlapping the publication right after a change, may both send
 * the same revision. That is accepted: consumers apply a snapshot only when its revision is newer than the
 * one they hold, so the second copy changes nothing.
 */
public final class Outbox<S extends Snapshot> {
    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** What the outbox needs from its service's database; each call runs in its own short transaction. */
    public interface Store<S extends Snapshot> {
        /** @return the company's current snapshot when its revision is ahead of the published one, else null */
        Uni<S> loadPending(long cik);

        /** Records that Kafka acknowledged {@code revision}; never moves the marker backwards. */
        Uni<Void> markPublished(long cik, long revision);

        /** @return the CIKs whose revision is ahead of their published revision */
        Uni<List<Long>> listUnpublished();
    }

    private final String topic;
    private final Store<S> store;
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final Duration sendTimeout;
    private final Function<S, String> summary;
    private final Counter published;
    private final Counter failures;
    /** cik/revision still awaiting the broker (possibly past our timeout): not queued a second time meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** The newest revision per company Kafka acknowledged to this replica: a sweep that read it as pending just before is not sent again. */
    private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();

    /**
     * @param topic   names the metrics and log lines, e.g. "fundamentals" for capexwatch.fundamentals.published
     * @param summary what a log line says about a published snapshot besides its ticker and revision
     */
    public Outbox(String topic, Store<S> store, MutinyEmitter<String> emitter, ObjectMapper mapper,
                  MeterRegistry registry, Duration sendTimeout, Function<S, String> summary) {
        this.topic = topic;
        this.store = store;
        this.emitter = emitter;
        this.mapper = mapper;
        this.sendTimeout = sendTimeout;
        this.summary = summary;
        this.published = registry.counter("capexwatch." + topic + ".published");
        this.failures = registry.counter("capexwatch." + topic + ".publish.failures");
    }

    /**
     * Publishes the company's snapshot if it has unpublished changes. Never fails: a failure is logged,
     * counted and left to the sweep.
     */
    public Uni<Void> publishIfPending(long cik) {
        return publishing(cik, Uni.createFrom().deferred(() -> store.loadPending(cik)));
    }

    /**
     * Publishes a snapshot the caller's transaction has just committed as unpublished, without reading it back
     * (on the filing-to-push path that read cost a round trip and the whole series again). It must be what
     * {@link Store#loadPending} would read at that revision. Never fails, as {@link #publishIfPending}.
     */
    public Uni<Void> publishCommitted(S snapshot) {
        return publishing(snapshot.cik(), Uni.createFrom().item(snapshot));
    }

    private Uni<Void> publishing(long cik, Uni<S> pending) {
        Executor backHere = onCallersContext();
        return pending
                .chain(snapshot -> snapshot == null ? Uni.createFrom().voidItem() : publish(snapshot, backHere))
                .onFailure().invoke(e -> {
                    failures.increment();
                    LOG.warnf("publishing %s of CIK %d failed, the outbox sweep retries it: %s", topic, cik, describe(e));
                })
                .onFailure().recoverWithNull();
    }

    /** Sends every company with unpublished changes again, one after the other. */
    public Uni<Void> sweep() {
        return Uni.createFrom().deferred(store::listUnpublished)
                .onItem().transformToMulti(ciks -> Multi.createFrom().iterable(ciks))
                .onItem().transformToUniAndConcatenate(this::publishIfPending)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(e -> {
                    failures.increment();
                    LOG.warnf("the %s outbox sweep could not list unpublished companies, next sweep retries: %s",
                            topic, describe(e));
                })
                .onFailure().recoverWithNull();
    }

    private Uni<Void> publish(S snapshot, Executor backHere) {
        String key = snapshot.cik() + "/" + snapshot.revision();
        if (acknowledged.getOrDefault(snapshot.cik(), 0L) >= snapshot.revision()) {
            // Kafka has it already (e.g. the marker failed, or a sweep read it just before): only mark it.
            return store.markPublished(snapshot.cik(), snapshot.revision());
        }
        if (!inFlight.add(key)) {
            LOG.debugf("%s of %s revision %d is still waiting for the broker; not sent twice", topic,
                    snapshot.ticker(), snapshot.revision());
            return Uni.createFrom().voidItem();
        }
        // Runs to its end even when the caller stops waiting: a send the broker acknowledges after our timeout
        // (the producer retries up to its delivery timeout) is still marked published, and until it ends the
        // same revision is not queued a second time.
        Uni<Void> outcome = KafkaMessages.send(emitter, mapper, snapshot)
                .invoke(() -> acknowledged.merge(snapshot.cik(), snapshot.revision(), Math::max))
                // The acknowledgement arrives on a Kafka thread; the database wants the caller's context.
                .emitOn(backHere)
                .chain(() -> store.markPublished(snapshot.cik(), snapshot.revision()))
                .invoke(() -> {
                    published.increment();
                    LOG.infof("published %s of %s revision %d (%s)", topic, snapshot.ticker(), snapshot.revision(),
                            summary.apply(snapshot));
                })
                .eventually(() -> inFlight.remove(key))
                .memoize().indefinitely();
        outcome.subscribe().with(ignored -> { }, ignored -> { });
        return outcome.ifNoItem().after(sendTimeout).failWith(() -> new TimeoutException(
                "Kafka did not acknowledge within " + sendTimeout.toMillis() + " ms"))
                // A timeout fires on a timer thread; whatever the caller does next needs its own context.
                .emitOn(backHere);
    }

    private static Executor onCallersContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

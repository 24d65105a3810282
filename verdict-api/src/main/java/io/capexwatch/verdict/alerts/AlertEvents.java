package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a change into an event and one delivery per subscription that wants it, in the caller's transaction
 * (an outbox): an evaluation that commits has its deliveries queued, one that rolls back has none. Senders
 * ({@link AlertWorker}) pick the deliveries up from PostgreSQL.
 */
@ApplicationScoped
public class AlertEvents {
    /**
     * The EDGAR statuses alerts follow: results released, the 10-Q/10-K listed with its XBRL awaited, and up
     * to date again once the figures came.
     */
    static final Set<String> FOLLOWED_STATUSES = Set.of("UP_TO_DATE", FilingStatus.RESULTS_RELEASED_AWAITING_FILING,
            FilingStatus.AWAITING_XBRL);
    private static final Logger LOG = Logger.getLogger(AlertEvents.class);

    private final AlertSubscriptionRepository subscriptions;
    private final AlertEventRepository events;
    private final AlertDeliveryRepository deliveries;
    private final AlertFilingStatusRepository filingStatuses;
    private final VerdictRepository verdicts;
    private final ObjectMapper mapper;

    public AlertEvents(AlertSubscriptionRepository subscriptions, AlertEventRepository events,
                       AlertDeliveryRepository deliveries, AlertFilingStatusRepository filingStatuses,
                       VerdictRepository verdicts, ObjectMapper mapper) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.deliveries = deliveries;
        this.filingStatuses = filingStatuses;
        this.verdicts = verdicts;
        this.mapper = mapper;
    }

    /**
     * A new evaluation was recorded. Needs the caller's transaction (the one that persisted {@code current}).
     *
     * @param previous the company's verdict before it, or null
     */
    public Uni<Void> recordChange(VerdictEntity previous, VerdictEntity current) {
        VerdictFacts before = previous == null ? null : read(previous.body);
        VerdictFacts after = read(current.body);
        List<AlertChange> changes = AlertChanges.between(before, after);
        UUID key = UUID.randomUUID();
        return queue(current.cik, current.ticker, "verdict", current.id, current.evaluatedAt, changes,
                subscription -> {
                    List<AlertChange> wanted = AlertChanges.matching(subscription.filters, changes, before, after);
                    return wanted.isEmpty() ? null : AlertBodies.verdict(key, before, after, wanted);
                }, key);
    }

    /**
     * A company's EDGAR status from a poll. The first status seen for a company is its baseline; a change
     * between up to date and results released (awaiting the XBRL) is an event. Other statuses (a failed poll)
     * are not followed, so a poll failing and recovering tells nobody anything.
     */
    @WithTransaction
    public Uni<Void> recordFilingStatus(FilingStatus status) {
        if (!FOLLOWED_STATUSES.contains(status.status())) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return filingStatuses.findById(status.cik()).chain(known -> {
            if (known == null) {
                AlertFilingStatusEntity row = new AlertFilingStatusEntity();
                row.cik = status.cik();
                row.ticker = status.ticker();
                row.status = status.status();
                row.changedAt = now;
                return filingStatuses.persist(row).replaceWithVoid();
            }
            if (known.status.equals(status.status())) {
                return Uni.createFrom().voidItem();
            }
            String from = known.status;
            known.status = status.status();
            known.changedAt = now;
            AlertChange change = AlertChange.filingStatus(from, status.status(), status.detail());
            UUID key = UUID.randomUUID();
            return verdicts.latestFor(status.cik()).chain(latest -> {
                VerdictFacts verdict = latest == null ? null : read(latest.body);
                return queue(status.cik(), status.ticker(), "filing", null, now, List.of(change),
                        subscription -> subscription.filters.filingStatusChange()
                                ? AlertBodies.filing(key, now, status, verdict, change) : null, key);
            });
        });
    }

    /**
     * Stores the event and a delivery for each of the company's subscriptions that wants it ({@code payloadFor}
     * not null); nothing at all when none does.
     */
    private Uni<Void> queue(long cik, String ticker, String type, Long verdictId, Instant at, List<AlertChange> changes,
                            Function<AlertSubscriptionEntity, AlertPayload> payloadFor, UUID key) {
        return subscriptions.forCompany(ticker).chain(candidates -> {
            List<AlertDeliveryEntity> queued = new ArrayList<>();
            for (AlertSubscriptionEntity subscription : candidates) {
                AlertPayload payload = payloadFor.apply(subscription);
                if (payload != null) {
                    queued.add(delivery(subscription, key, type, cik, ticker, at,
                            AlertBodies.render(AlertFormat.named(subscription.format), payload, mapper)));
                }
            }
            if (queued.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            AlertEventEntity event = new AlertEventEntity();
            event.eventKey = key;
            event.cik = cik;
            event.ticker = ticker;
            event.type = type;
            event.verdictId = verdictId;
            event.changes = new AlertEventEntity.Changes(changes);
            event.createdAt = at;
            return events.persist(event).chain(() -> {
                queued.forEach(delivery -> delivery.eventId = event.id);
                LOG.infof("alert event %s for %s (%s): %d deliveries queued", key, ticker, type, queued.size());
                return deliveries.persist(queued);
            });
        });
    }

    private static AlertDeliveryEntity delivery(AlertSubscriptionEntity subscription, UUID key, String type, long cik,
                                                String ticker, Instant at, String body) {
        AlertDeliveryEntity delivery = new AlertDeliveryEntity();
        delivery.subscriptionId = subscription.id;
        delivery.eventKey = key;
        delivery.eventType = type;
        delivery.cik = cik;
        delivery.ticker = ticker;
        delivery.status = DeliveryStatus.PENDING;
        delivery.body = body;
        delivery.attempts = 0;
        delivery.nextAttemptAt = at;
        delivery.createdAt = at;
        return delivery;
    }

    private VerdictFacts read(String body) {
        try {
            return mapper.readValue(body, VerdictFacts.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.capexwatch.verdict.alerts;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.contracts.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Webhook subscriptions: validated before anything is stored; a deleted one takes its deliveries with it. */
@ApplicationScoped
public class AlertSubscriptions {
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final Logger LOG = Logger.getLogger(AlertSubscriptions.class);

    private final AlertSubscriptionRepository subscriptions;
    private final TargetUrls targets;

    public AlertSubscriptions(AlertSubscriptionRepository subscriptions, TargetUrls targets) {
        this.subscriptions = subscriptions;
        this.targets = targets;
    }

    /** @throws ProblemException 422 listing every problem with the request; nothing is stored then */
    public Uni<SubscriptionView> create(SubscriptionRequest request, String createdBy) {
        List<String> problems = problems(request);
        return targets.problems(request.targetUrl()).chain(urlProblems -> {
            List<String> all = new ArrayList<>(urlProblems);
            all.addAll(problems);
            if (!all.isEmpty()) {
                return Uni.createFrom().failure(new ProblemException(Problem.of(422, "invalid-subscription",
                        "Invalid subscription", "the subscription was not created").withErrors(all)));
            }
            return store(request, createdBy);
        });
    }

    private Uni<SubscriptionView> store(SubscriptionRequest request, String createdBy) {
        AlertSubscriptionEntity row = new AlertSubscriptionEntity();
        row.targetUrl = request.targetUrl();
        row.secret = request.secret();
        row.format = request.format() == null ? AlertFormat.JSON.wireName() : request.format();
        row.ticker = request.ticker() == null ? null : request.ticker().toUpperCase(Locale.ROOT);
        row.filters = request.filters();
        row.createdBy = createdBy;
        row.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> subscriptions.persist(row))
                .invoke(() -> LOG.infof("alert %s created by %s", row, createdBy))
                .map(SubscriptionView::of);
    }

    @WithSession
    public Uni<List<SubscriptionView>> list() {
        return subscriptions.all().map(rows -> rows.stream().map(SubscriptionView::of).toList());
    }

    @WithSession
    public Uni<SubscriptionView> get(long id) {
        return subscriptions.findById(id).map(row -> {
            if (row == null) {
                throw ProblemException.notFound("no alert subscription " + id);
            }
            return SubscriptionView.of(row);
        });
    }

    @WithTransaction
    public Uni<Void> delete(long id, String deletedBy) {
        return subscriptions.deleteById(id).invoke(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("no alert subscription " + id);
            }
            LOG.infof("alert subscription %d deleted by %s, with its deliveries", id, deletedBy);
        }).replaceWithVoid();
    }

    /** Everything but the target URL's addresses (checked off the event loop). */
    static List<String> problems(SubscriptionRequest request) {
        List<String> problems = new ArrayList<>();
        String secret = request.secret();
        if (secret == null || secret.isBlank()) {
            problems.add("secret: required (it signs every delivery)");
        } else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            problems.add("secret: " + MIN_SECRET + " to " + MAX_SECRET + " characters");
        }
        if (request.format() != null && AlertFormat.named(request.format()) == null) {
            problems.add("format: json or slack, not '" + request.format() + "'");
        }
        if (request.ticker() != null && !request.ticker().toUpperCase(Locale.ROOT).matches("[A-Z][A-Z0-9.\\-]{0,15}")) {
            problems.add("ticker: '" + request.ticker() + "' is not a ticker (leave it out for every company)");
        }
        AlertFilters filters = request.filters();
        if (filters == null || !filters.anything()) {
            problems.add("filters: at least one of stateChange, ruleOutcomeChange, filingStatusChange, restatement, thresholds");
            return problems;
        }
        if (filters.thresholds().size() > AlertFilters.MAX_THRESHOLDS) {
            problems.add("filters.thresholds: at most " + AlertFilters.MAX_THRESHOLDS);
        }
        for (int i = 0; i < filters.thresholds().size(); i++) {
            AlertFilters.MetricThreshold threshold = filters.thresholds().get(i);
            String at = "filters.thresholds[" + i + "]";
            if (threshold == null) {
                problems.add(at + ": required");
                continue;
            }
            if (threshold.metric() == null || !AlertMetric.known(threshold.metric())) {
                problems.add(at + ".metric: one of " + String.join(", ", AlertMetric.names()));
            }
            if (threshold.value() == null) {
                problems.add(at + ".value: required");
            }
        }
        return problems;
    }
}

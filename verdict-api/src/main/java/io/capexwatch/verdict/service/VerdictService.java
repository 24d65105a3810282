package io.capexwatch.verdict.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.alerts.AlertEvents;
import io.capexwatch.verdict.repository.MetricsInputEntity;
import io.capexwatch.verdict.repository.MetricsInputRepository;
import io.capexwatch.verdict.repository.ScheduleRepository;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.capexwatch.verdict.rules.VerdictEngine;
import io.capexwatch.verdict.rules.VerdictEngine.Evaluation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Evaluates a company's metric series under the rules in force and records the verdict. A metrics
 * snapshot whose revision is not newer than the one already evaluated (a duplicate or redelivery) changes
 * nothing. The latest snapshot of each company is kept, so a change of rules can evaluate it again.
 */
@ApplicationScoped
public class VerdictService {
    /** Quarters a verdict carries for charts: three years. */
    static final int CHART_QUARTERS = 12;
    private static final Logger LOG = Logger.getLogger(VerdictService.class);

    private final VerdictRepository verdicts;
    private final MetricsInputRepository metricsInputs;
    private final RuleBook ruleBook;
    private final ScheduleRepository schedules;
    private final ObjectMapper mapper;
    private final AlertEvents alerts;

    public VerdictService(VerdictRepository verdicts, MetricsInputRepository metricsInputs, RuleBook ruleBook,
                          ScheduleRepository schedules, ObjectMapper mapper, AlertEvents alerts) {
        this.alerts = alerts;
        this.verdicts = verdicts;
        this.metricsInputs = metricsInputs;
        this.ruleBook = ruleBook;
        this.schedules = schedules;
        this.mapper = mapper;
    }

    /** @return the new verdict row, or null when the snapshot was already evaluated */
    @WithTransaction
    public Uni<VerdictEntity> evaluate(MetricsSnapshot snapshot) {
        // The store first: it claims the revision under the company's row, so a second replica (or a
        // redelivery) evaluating the same revision at the same moment waits, then finds it taken.
        return metricsInputs.store(snapshot).chain(newer -> {
            if (!newer) {
                LOG.debugf("skipping metrics of CIK %d revision %d: that revision or a newer one is held",
                        snapshot.cik(), snapshot.revision());
                return Uni.createFrom().nullItem();
            }
            return verdicts.latestFor(snapshot.cik()).chain(latest -> ruleBook.inForce()
                    .chain(rules -> evaluateAndRecord(snapshot, rules, latest)));
        });
    }

    /** Every company's latest metrics evaluated again under {@code rules}: one new verdict each. Needs a transaction. */
    public Uni<List<VerdictEntity>> reevaluateAll(RulesInForce rules) {
        return metricsInputs.byTicker().chain(inputs -> Multi.createFrom().iterable(inputs)
                .onItem().transformToUniAndConcatenate(input -> reevaluate(input, rules))
                .collect().asList());
    }

    /**
     * One company's latest metrics evaluated again (its schedule changed). Needs a transaction.
     *
     * @return the new verdict, or null when no metrics have arrived for the ticker yet
     */
    public Uni<VerdictEntity> reevaluate(String ticker) {
        return metricsInputs.findByTicker(ticker).chain(input -> input == null ? Uni.createFrom().nullItem()
                : ruleBook.inForce().chain(rules -> reevaluate(input, rules)));
    }

    private Uni<VerdictEntity> reevaluate(MetricsInputEntity input, RulesInForce rules) {
        return verdicts.latestFor(input.cik).chain(latest -> evaluateAndRecord(input.snapshotAsSent(), rules, latest));
    }

    /** Evaluates under the rules and the company's schedule in force, and stores the new verdict row. */
    private Uni<VerdictEntity> evaluateAndRecord(MetricsSnapshot snapshot, RulesInForce rules, VerdictEntity latest) {
        return schedules.current(snapshot.ticker()).chain(current -> {
            ScheduleInForce schedule = ScheduleInForce.of(snapshot.ticker(), current);
            VerdictEntity row = record(snapshot, rules, schedule, latest);
            LOG.infof("verdict %s: %s for period ending %s (metrics revision %d, rules version %d, schedule version %d)",
                    row.ticker, row.state, row.periodEnd, row.metricsRevision, rules.version(), schedule.version());
            // Alert deliveries are queued in this same transaction: none lost, none for a rolled-back evaluation.
            return verdicts.persist(row).call(saved -> alerts.recordChange(latest, saved));
        });
    }

    private VerdictEntity record(MetricsSnapshot snapshot, RulesInForce rules, ScheduleInForce schedule, VerdictEntity latest) {
        Evaluation evaluation = VerdictEngine.evaluate(snapshot.quarters(), rules.rules().forTicker(snapshot.ticker()),
                schedule.milestones());
        // Millisecond precision: what PostgreSQL stores must equal what the JSON body says.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean unchanged = latest != null && latest.state == evaluation.state();
        VerdictEntity row = new VerdictEntity();
        row.cik = snapshot.cik();
        row.ticker = snapshot.ticker();
        row.state = evaluation.state();
        row.previousState = latest == null ? null : unchanged ? latest.previousState : latest.state;
        row.stateSince = unchanged ? latest.stateSince : now;
        row.metricsRevision = snapshot.revision();
        row.evaluatedAt = now;
        QuarterMetrics q = evaluation.latest();
        row.periodEnd = q == null ? null : q.periodEnd();
        List<QuarterFigures> chart = snapshot.quarters().stream()
                .skip(Math.max(0, snapshot.quarters().size() - CHART_QUARTERS))
                .map(QuarterFigures::of)
                .toList();
        Verdict verdict = new Verdict(row.ticker, row.cik, snapshot.entityName(), row.state,
                evaluation.insufficientReason(), q == null ? null : q.fiscalYear(), q == null ? null : q.fiscalQuarter(),
                row.periodEnd, q == null ? null : q.latestFiling(), now, row.previousState, row.stateSince,
                evaluation.rules(), evaluation.milestones(), dataQualityFlags(q, evaluation), snapshot.revision(),
                rules.version(), schedule.version(), chart);
        row.body = json(verdict);
        return row;
    }

    /** The evaluated quarter's input flags (derived, stale, missing ...) and every rule that could not be assessed. */
    private static List<String> dataQualityFlags(QuarterMetrics q, Evaluation evaluation) {
        List<String> flags = new java.util.ArrayList<>(q == null ? List.of() : q.flags());
        evaluation.rules().stream().filter(rule -> !rule.assessed()).forEach(rule -> flags.add("NOT_ASSESSED:" + rule.rule()));
        return List.copyOf(flags);
    }

    private String json(Verdict verdict) {
        try {
            return mapper.writeValueAsString(verdict);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

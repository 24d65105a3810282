package io.capexwatch.verdict.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.capexwatch.verdict.rules.RulesConfig;
import io.capexwatch.verdict.rules.VerdictEngine;
import io.capexwatch.verdict.rules.VerdictEngine.Evaluation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Evaluates a company's metric series and records the verdict. A metrics snapshot whose revision is not
 * newer than the one already evaluated (a duplicate or redelivery) changes nothing.
 */
@ApplicationScoped
public class VerdictService {
    /** Quarters a verdict carries for charts: three years. */
    static final int CHART_QUARTERS = 12;
    private static final Logger LOG = Logger.getLogger(VerdictService.class);

    private final VerdictRepository verdicts;
    private final RulesConfig rules;
    private final ObjectMapper mapper;

    public VerdictService(VerdictRepository verdicts, RulesConfig rules, ObjectMapper mapper) {
        this.verdicts = verdicts;
        this.rules = rules;
        this.mapper = mapper;
    }

    /** @return the new verdict row, or null when the snapshot was already evaluated */
    @WithTransaction
    public Uni<VerdictEntity> evaluate(MetricsSnapshot snapshot) {
        return verdicts.latestFor(snapshot.cik()).chain(latest -> {
            if (latest != null && snapshot.revision() <= latest.metricsRevision) {
                LOG.debugf("skipping metrics of CIK %d revision %d: already at %d",
                        snapshot.cik(), snapshot.revision(), latest.metricsRevision);
                return Uni.createFrom().nullItem();
            }
            VerdictEntity row = record(snapshot, VerdictEngine.evaluate(snapshot.quarters(), rules.thresholds()), latest);
            LOG.infof("verdict %s: %s for period ending %s (metrics revision %d)",
                    row.ticker, row.state, row.periodEnd, row.metricsRevision);
            return verdicts.persist(row);
        });
    }

    private VerdictEntity record(MetricsSnapshot snapshot, Evaluation evaluation, VerdictEntity latest) {
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
                evaluation.rules(), q == null ? List.of() : q.flags(), snapshot.revision(), chart);
        row.body = json(verdict);
        return row;
    }

    private String json(Verdict verdict) {
        try {
            return mapper.writeValueAsString(verdict);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

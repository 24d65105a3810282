package io.capexwatch.verdict.service;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.verdict.repository.ScheduleEntity;
import io.capexwatch.verdict.repository.ScheduleRepository;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.rules.Milestone;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Analysts' schedules: a new version per change, and the company's verdict evaluated again with it. */
@ApplicationScoped
public class ScheduleService {
    static final int MAX_MILESTONES = 20;
    /**
     * Targets are stored in a JSONB column that the PostgreSQL client reads through doubles: 15 significant
     * digits below 10^15 (a quadrillion dollars) come back exactly; 1e309 would come back as Infinity.
     */
    static final int MAX_TARGET_DIGITS = 15;
    static final BigDecimal MAX_TARGET = BigDecimal.TEN.pow(15);
    private static final Logger LOG = Logger.getLogger(ScheduleService.class);

    private final ScheduleRepository schedules;
    private final VerdictService verdicts;

    public ScheduleService(ScheduleRepository schedules, VerdictService verdicts) {
        this.schedules = schedules;
        this.verdicts = verdicts;
    }

    /** The new schedule, and the verdict evaluated with it (null before the company has metrics). */
    public record Change(ScheduleInForce schedule, VerdictEntity verdict) {
    }

    /** @param ticker a checked ticker (see the resource) */
    @WithSession
    public Uni<ScheduleInForce> current(String ticker) {
        return schedules.current(ticker).map(row -> ScheduleInForce.of(ticker.toUpperCase(Locale.ROOT), row));
    }

    /**
     * Concurrent changes of one company's schedule take turns (a transaction lock), so of two made against
     * the same version exactly one succeeds and the other is told it changed meanwhile.
     *
     * @param ticker          a checked ticker (see the resource)
     * @param expectedVersion the version the change was made against (If-Match)
     * @throws ProblemException 422 for milestones that cannot be judged, 412 when the schedule changed meanwhile
     */
    @WithTransaction
    public Uni<Change> replace(String ticker, List<Milestone> milestones, long expectedVersion, String changedBy) {
        String company = ticker.toUpperCase(Locale.ROOT);
        List<String> problems = problems(milestones);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(422, "invalid-schedule", "Invalid schedule",
                    "the schedule was not changed").withErrors(problems)));
        }
        return schedules.lockForChange(company).chain(() -> schedules.current(company)).chain(current -> {
            int version = current == null ? 0 : current.version;
            if (expectedVersion != version) {
                return Uni.createFrom().failure(changed(company, "is at version " + version + ", not " + expectedVersion));
            }
            ScheduleEntity row = new ScheduleEntity();
            row.ticker = company;
            row.version = version + 1;
            row.milestones = new ScheduleEntity.Milestones(List.copyOf(milestones));
            row.changedBy = changedBy;
            row.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return schedules.persistAndFlush(row)
                    // The lock makes this unreachable between replicas of this code; a writer without it still gets a 412.
                    .onFailure(ScheduleService::versionTaken).transform(e -> changed(company, "was changed meanwhile"))
                    .chain(() -> verdicts.reevaluate(company))
                    .invoke(verdict -> LOG.infof("schedule of %s version %d by %s: %d milestones%s", company, row.version,
                            changedBy, milestones.size(), verdict == null ? ", no metrics yet" : ", verdict " + verdict.state))
                    .map(verdict -> new Change(ScheduleInForce.of(company, row), verdict));
        });
    }

    private static ProblemException changed(String company, String how) {
        return new ProblemException(412, "schedule-changed", "Schedule changed",
                "the schedule of " + company + " " + how + "; read it again");
    }

    /** The unique (ticker, version) constraint: another change took this version first. */
    private static boolean versionTaken(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "schedule_version_once".equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> problems(List<Milestone> milestones) {
        List<String> problems = new ArrayList<>();
        if (milestones == null) {
            problems.add("milestones: required (an empty list clears the schedule)");
            return problems;
        }
        if (milestones.size() > MAX_MILESTONES) {
            problems.add("milestones: at most " + MAX_MILESTONES);
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) == null) {
                problems.add("milestones[" + i + "]: required");
            } else {
                problems.addAll(milestones.get(i).problems("milestones[" + i + "]"));
                BigDecimal target = milestones.get(i).target();
                if (target != null && (target.abs().compareTo(MAX_TARGET) >= 0 || target.stripTrailingZeros().precision() > MAX_TARGET_DIGITS
                        || target.stripTrailingZeros().scale() > MAX_TARGET_DIGITS)) {
                    problems.add("milestones[" + i + "].target: below 10^15 in magnitude, at most " + MAX_TARGET_DIGITS
                            + " significant digits and " + MAX_TARGET_DIGITS + " decimals");
                }
            }
        }
        return problems;
    }
}

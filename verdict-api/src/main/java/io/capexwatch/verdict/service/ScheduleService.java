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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Analysts' schedules: a new version per change, and the company's verdict evaluated again with it. */
@ApplicationScoped
public class ScheduleService {
    static final int MAX_MILESTONES = 20;
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

    @WithSession
    public Uni<ScheduleInForce> current(String ticker) {
        return schedules.current(ticker).map(row -> ScheduleInForce.of(ticker.toUpperCase(Locale.ROOT), row));
    }

    /**
     * @param expectedVersion the version the change was made against (If-Match), or null
     * @throws ProblemException 422 for milestones that cannot be judged, 412 when the schedule changed meanwhile
     */
    @WithTransaction
    public Uni<Change> replace(String ticker, List<Milestone> milestones, Long expectedVersion, String changedBy) {
        String company = ticker.toUpperCase(Locale.ROOT);
        List<String> problems = problems(company, milestones);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(422, "invalid-schedule", "Invalid schedule",
                    "the schedule was not changed").withErrors(problems)));
        }
        return schedules.current(company).chain(current -> {
            int version = current == null ? 0 : current.version;
            if (expectedVersion != null && expectedVersion != version) {
                return Uni.createFrom().failure(new ProblemException(412, "schedule-changed", "Schedule changed",
                        "the schedule of " + company + " is at version " + version + ", not " + expectedVersion + "; read it again"));
            }
            ScheduleEntity row = new ScheduleEntity();
            row.ticker = company;
            row.version = version + 1;
            row.milestones = new ScheduleEntity.Milestones(List.copyOf(milestones));
            row.changedBy = changedBy;
            row.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return schedules.persistAndFlush(row)
                    .chain(() -> verdicts.reevaluate(company))
                    .invoke(verdict -> LOG.infof("schedule of %s version %d by %s: %d milestones%s", company, row.version,
                            changedBy, milestones.size(), verdict == null ? ", no metrics yet" : ", verdict " + verdict.state))
                    .map(verdict -> new Change(ScheduleInForce.of(company, row), verdict));
        });
    }

    private static List<String> problems(String ticker, List<Milestone> milestones) {
        List<String> problems = new ArrayList<>();
        if (!ticker.matches("[A-Z][A-Z0-9.\\-]{0,15}")) {
            problems.add("ticker: '" + ticker + "' is not a ticker");
        }
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
            }
        }
        return problems;
    }
}

package io.capexwatch.verdict.service;

import io.capexwatch.verdict.repository.ScheduleEntity;
import io.capexwatch.verdict.rules.Milestone;

import java.time.Instant;
import java.util.List;

/**
 * A company's milestones in force, as {@code GET /api/companies/{ticker}/schedule} shows them.
 *
 * @param version 0 while the company has never had a schedule
 */
public record ScheduleInForce(String ticker, int version, String changedBy, Instant changedAt, List<Milestone> milestones) {

    static ScheduleInForce of(String ticker, ScheduleEntity row) {
        return row == null ? new ScheduleInForce(ticker, 0, null, null, List.of())
                : new ScheduleInForce(row.ticker, row.version, row.changedBy, row.changedAt, row.milestones.milestones());
    }
}

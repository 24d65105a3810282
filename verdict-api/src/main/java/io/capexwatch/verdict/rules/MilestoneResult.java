package io.capexwatch.verdict.rules;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * Where a milestone stands.
 *
 * @param value     the metric in the quarter that decides: the deadline quarter once it is reported, else the latest
 * @param projected before the deadline, the last four quarters' trend carried to the deadline; null otherwise
 */
@RegisterForReflection
public record MilestoneResult(Milestone milestone, Status status, BigDecimal value, BigDecimal projected, String sentence) {

    public enum Status {
        /** The target holds: at the deadline quarter, or already before it. */
        MET,
        /** Not yet, but the trend reaches the target by the deadline. */
        ON_TRACK,
        /** Not yet, and the trend does not reach it by the deadline. */
        AT_RISK,
        /** The deadline quarter is reported and the target does not hold. */
        MISSED,
        /** The metric is not available to judge. */
        NOT_ASSESSED
    }
}

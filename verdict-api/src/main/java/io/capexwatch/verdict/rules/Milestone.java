package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An analyst's milestone for a company: a metric, a comparison and a target, due by a fiscal quarter;
 * e.g. TTM_CAPEX_TO_OCF &lt;= 0.75 by FY2026 Q4, or TTM_FCF &gt; 0 by FY2027 Q2.
 */
public record Milestone(Metric metric, Comparison comparison, BigDecimal target, int fiscalYear, int fiscalQuarter) {

    /** The metrics a milestone can name, as the tracker computes them (money in whole USD). */
    public enum Metric {
        TTM_CAPEX_TO_OCF(q -> q.ttmCapexToOcf()),
        TTM_FCF(q -> money(q.ttmFcf())),
        TTM_OCF(q -> money(q.ttmOcf())),
        TTM_CAPEX(q -> money(q.ttmCapex())),
        TTM_REVENUE(q -> money(q.ttmRevenue())),
        CAPEX_TO_OCF(q -> q.capexToOcf()),
        FCF(q -> money(q.fcf()));

        private final Function<QuarterMetrics, BigDecimal> value;

        Metric(Function<QuarterMetrics, BigDecimal> value) {
            this.value = value;
        }

        /** @return the quarter's value, or null where it is not available */
        public BigDecimal of(QuarterMetrics q) {
            return value.apply(q);
        }

        private static BigDecimal money(Long usd) {
            return usd == null ? null : BigDecimal.valueOf(usd);
        }
    }

    public enum Comparison {
        AT_MOST("<="), BELOW("<"), AT_LEAST(">="), ABOVE(">");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(BigDecimal value, BigDecimal target) {
            int c = value.compareTo(target);
            return switch (this) {
                case AT_MOST -> c <= 0;
                case BELOW -> c < 0;
                case AT_LEAST -> c >= 0;
                case ABOVE -> c > 0;
            };
        }
    }

    /** The deadline as a count of quarters, for comparing and counting. */
    public int deadlineIndex() {
        return fiscalYear * 4 + fiscalQuarter - 1;
    }

    public String describe() {
        return metric + " " + comparison.symbol() + " " + target.toPlainString() + " by FY" + fiscalYear + " Q" + fiscalQuarter;
    }

    /** @return what is wrong with it, empty when usable; {@code where} names it in the messages */
    public List<String> problems(String where) {
        List<String> problems = new ArrayList<>();
        if (metric == null) {
            problems.add(where + ".metric: required, one of " + List.of(Metric.values()));
        }
        if (comparison == null) {
            problems.add(where + ".comparison: required, one of " + List.of(Comparison.values()));
        }
        if (target == null) {
            problems.add(where + ".target: required");
        }
        if (fiscalYear < 2000 || fiscalYear > 2100) {
            problems.add(where + ".fiscalYear: " + fiscalYear + " is not a fiscal year");
        }
        if (fiscalQuarter < 1 || fiscalQuarter > 4) {
            problems.add(where + ".fiscalQuarter: " + fiscalQuarter + " is not 1 to 4");
        }
        return problems;
    }
}

package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The thresholds in force: defaults for every company and, per ticker, overrides of some of them (a field
 * left null in an override keeps the default).
 *
 * @param companies overrides by ticker (upper case)
 */
public record RuleSet(Thresholds defaults, Map<String, Thresholds> companies) {
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal FIVE = new BigDecimal("5");
    /** Commitments are multiples of a year's operating cash flow: years, not fractions. */
    private static final BigDecimal FIFTY = new BigDecimal("50");

    public RuleSet {
        Map<String, Thresholds> byTicker = new TreeMap<>();
        (companies == null ? Map.<String, Thresholds>of() : companies)
                .forEach((ticker, overrides) -> byTicker.put(ticker.toUpperCase(Locale.ROOT), overrides));
        companies = Map.copyOf(byTicker);
    }

    /** The thresholds that apply to one company. */
    public Thresholds forTicker(String ticker) {
        Thresholds overrides = companies.get(ticker.toUpperCase(Locale.ROOT));
        return overrides == null ? defaults : merge(defaults, overrides);
    }

    /** @return what is wrong, empty when the rule set can be used */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (defaults == null) {
            problems.add("defaults: required");
            return problems;
        }
        check("defaults", defaults, problems);
        companies.forEach((ticker, overrides) -> {
            if (!ticker.matches("[A-Z][A-Z0-9.\\-]{0,15}")) {
                problems.add("companies: '" + ticker + "' is not a ticker");
            } else if (overrides == null) {
                problems.add("companies." + ticker + ": an object of thresholds to override");
            } else {
                check("companies." + ticker, merge(defaults, overrides), problems);
            }
        });
        return problems;
    }

    private static void check(String where, Thresholds t, List<String> problems) {
        required(where, "capexIntensityWatch", t.capexIntensityWatch(), ZERO, FIVE, problems);
        required(where, "capexIntensitySlipping", t.capexIntensitySlipping(), ZERO, FIVE, problems);
        required(where, "fcfDeclineWatch", t.fcfDeclineWatch(), ZERO, BigDecimal.ONE, problems);
        required(where, "cashEngineWatch", t.cashEngineWatch(), FIVE.negate(), FIVE, problems);
        required(where, "cashEngineSlipping", t.cashEngineSlipping(), FIVE.negate(), FIVE, problems);
        required(where, "monetizationGapWatch", t.monetizationGapWatch(), ZERO, FIVE, problems);
        required(where, "paybackHurdle", t.paybackHurdle(), ZERO, FIVE, problems);
        required(where, "depreciationGapWatch", t.depreciationGapWatch(), ZERO, FIVE, problems);
        required(where, "commitmentsOverhangWatch", t.commitmentsOverhangWatch(), ZERO, FIFTY, problems);
        required(where, "commitmentsOverhangSlipping", t.commitmentsOverhangSlipping(), ZERO, FIFTY, problems);
        if (t.capexIntensityWatch() != null && t.capexIntensitySlipping() != null
                && t.capexIntensityWatch().compareTo(t.capexIntensitySlipping()) >= 0) {
            problems.add(where + ": capexIntensityWatch must be below capexIntensitySlipping");
        }
        if (t.cashEngineWatch() != null && t.cashEngineSlipping() != null
                && t.cashEngineSlipping().compareTo(t.cashEngineWatch()) >= 0) {
            problems.add(where + ": cashEngineSlipping must be below cashEngineWatch");
        }
        if (t.paybackHurdle() != null && t.paybackHurdle().signum() <= 0) {
            problems.add(where + ": paybackHurdle must be above 0");
        }
        if (t.commitmentsOverhangWatch() != null && t.commitmentsOverhangWatch().signum() <= 0) {
            problems.add(where + ": commitmentsOverhangWatch must be above 0");
        }
        if (t.commitmentsOverhangWatch() != null && t.commitmentsOverhangSlipping() != null
                && t.commitmentsOverhangWatch().compareTo(t.commitmentsOverhangSlipping()) >= 0) {
            problems.add(where + ": commitmentsOverhangWatch must be below commitmentsOverhangSlipping");
        }
    }

    private static void required(String where, String name, BigDecimal value, BigDecimal min, BigDecimal max, List<String> problems) {
        if (value == null) {
            problems.add(where + "." + name + ": required");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(where + "." + name + ": " + value + " is outside " + min + " to " + max);
        }
    }

    private static Thresholds merge(Thresholds base, Thresholds overrides) {
        return new Thresholds(
                pick(overrides, base, Thresholds::capexIntensityWatch),
                pick(overrides, base, Thresholds::capexIntensitySlipping),
                pick(overrides, base, Thresholds::fcfDeclineWatch),
                pick(overrides, base, Thresholds::cashEngineWatch),
                pick(overrides, base, Thresholds::cashEngineSlipping),
                pick(overrides, base, Thresholds::monetizationGapWatch),
                pick(overrides, base, Thresholds::paybackHurdle),
                pick(overrides, base, Thresholds::depreciationGapWatch),
                pick(overrides, base, Thresholds::commitmentsOverhangWatch),
                pick(overrides, base, Thresholds::commitmentsOverhangSlipping));
    }

    private static BigDecimal pick(Thresholds overrides, Thresholds base, Function<Thresholds, BigDecimal> field) {
        return field.apply(overrides) != null ? field.apply(overrides) : field.apply(base);
    }
}

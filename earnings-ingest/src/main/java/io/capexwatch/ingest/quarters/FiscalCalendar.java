package io.capexwatch.ingest.quarters;

import io.capexwatch.ingest.edgar.XbrlFact;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A company's fiscal quarters, worked out from the periods its 10-K and 10-Q facts cover rather than from
 * fixed day windows or the filings' {@code fy}/{@code fp} labels, so 52/53-week years, 14- and 16-week
 * quarters and fiscal years ending in any month come out right.
 *
 * <ul>
 *   <li>A fiscal year is the period of a 12-month fact in a 10-K; the year after the latest one starts the
 *       next day (the year in progress).</li>
 *   <li>Its quarter ends are the ends of the year-to-date facts in 10-Qs that start on the fiscal year's
 *       first day; the fourth quarter ends with the year. 12-month facts in 10-Qs (trailing twelve months)
 *       start elsewhere and are never taken for a quarter.</li>
 *   <li>The year's label is the {@code fy} of the first 10-K that reported it (labels belong to filings,
 *       and later 10-Ks repeat the year as a comparative under their own label).</li>
 * </ul>
 */
public final class FiscalCalendar {
    /** 52 weeks is 364 days, 53 weeks 371; anything between 350 and 380 days is a year. */
    private static final int MIN_YEAR_DAYS = 350;
    private static final int MAX_YEAR_DAYS = 380;
    private static final int QUARTER_ENDS_PER_YEAR = 3;
    /** A quarter is 12 to 16 weeks; a longer "quarter" means a 10-Q is missing, so the chain stops there. */
    private static final int MIN_QUARTER_DAYS = 77;
    private static final int MAX_QUARTER_DAYS = 119;

    private final List<FiscalQuarter> quarters;

    private FiscalCalendar(List<FiscalQuarter> quarters) {
        this.quarters = List.copyOf(quarters);
    }

    public List<FiscalQuarter> quarters() {
        return quarters;
    }

    public static FiscalCalendar from(Collection<XbrlFact> facts) {
        List<XbrlFact> periodic = facts.stream()
                .filter(XbrlFact::isDuration)
                .filter(XbrlFact::fromPeriodicReport)
                .toList();
        TreeMap<LocalDate, Year> years = fiscalYears(periodic);
        List<FiscalQuarter> quarters = new ArrayList<>();
        for (Year year : years.values()) {
            LocalDate nextStart = years.higherKey(year.start);
            List<LocalDate> ends = quarterEnds(periodic, year, nextStart);
            if (year.end != null) {
                ends.add(year.end);
            }
            LocalDate previousEnd = null;
            for (int i = 0; i < ends.size(); i++) {
                LocalDate start = previousEnd == null ? year.start : previousEnd.plusDays(1);
                long days = ChronoUnit.DAYS.between(start, ends.get(i)) + 1;
                if (days < MIN_QUARTER_DAYS || days > MAX_QUARTER_DAYS) {
                    break;
                }
                quarters.add(new FiscalQuarter(year.label, i + 1, year.start, start, ends.get(i), previousEnd));
                previousEnd = ends.get(i);
            }
        }
        return new FiscalCalendar(quarters);
    }

    private record Year(LocalDate start, LocalDate end, int label) {
    }

    private static TreeMap<LocalDate, Year> fiscalYears(List<XbrlFact> periodic) {
        Map<LocalDate, List<XbrlFact>> annualByStart = periodic.stream()
                .filter(XbrlFact::fromAnnualReport)
                .filter(f -> f.durationDays() >= MIN_YEAR_DAYS && f.durationDays() <= MAX_YEAR_DAYS)
                .collect(Collectors.groupingBy(XbrlFact::start));
        TreeMap<LocalDate, Year> years = new TreeMap<>();
        LocalDate lastEnd = null;
        for (LocalDate start : new TreeSet<>(annualByStart.keySet())) {
            if (lastEnd != null && !start.isAfter(lastEnd)) {
                continue; // overlaps the year before (a changed fiscal year end): keep the earlier one
            }
            List<XbrlFact> candidates = annualByStart.get(start);
            LocalDate end = mostReported(candidates, XbrlFact::end);
            int label = label(candidates.stream().filter(f -> f.end().equals(end)).toList(), end);
            years.put(start, new Year(start, end, label));
            lastEnd = end;
        }
        if (lastEnd != null) {
            Year last = years.lastEntry().getValue();
            years.put(lastEnd.plusDays(1), new Year(lastEnd.plusDays(1), null, last.label + 1));
        }
        return years;
    }

    /** The fy of the earliest 10-K that reported the year; the end date's year where that is missing. */
    private static int label(List<XbrlFact> annualFacts, LocalDate end) {
        return annualFacts.stream()
                .filter(f -> f.fy() != null)
                .min(Comparator.comparing(XbrlFact::filed))
                .map(XbrlFact::fy)
                .orElse(end.getYear());
    }

    private static List<LocalDate> quarterEnds(List<XbrlFact> periodic, Year year, LocalDate nextStart) {
        LocalDate limit = year.end != null ? year.end : nextStart;
        Map<LocalDate, Long> ends = periodic.stream()
                .filter(XbrlFact::fromQuarterlyReport)
                .filter(f -> f.start().equals(year.start))
                .filter(f -> limit == null ? f.durationDays() < MIN_YEAR_DAYS : f.end().isBefore(limit))
                .collect(Collectors.groupingBy(XbrlFact::end, Collectors.counting()));
        // A year has three interim quarter ends; if stray facts add more, the most reported ends win.
        return ends.entrySet().stream()
                .sorted(Map.Entry.<LocalDate, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(QUARTER_ENDS_PER_YEAR)
                .map(Map.Entry::getKey)
                .sorted()
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static <T> T mostReported(List<XbrlFact> facts, Function<XbrlFact, T> key) {
        Map<T, Long> counts = new HashMap<>();
        facts.forEach(f -> counts.merge(key.apply(f), 1L, Long::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .map(Objects::requireNonNull)
                .orElseThrow();
    }
}

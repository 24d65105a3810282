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
 *   <li>A fiscal year is the period of a 12-month fact in a 10-K; the next one starts the day after. A year
 *       with no 10-K yet (the year in progress) is also recognised from 10-Qs alone, by the day its
 *       year-to-date facts start.</li>
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
        TreeSet<LocalDate> starts = new TreeSet<>(annualByStart.keySet());
        annualByStart.values().forEach(facts -> facts.forEach(f -> starts.add(f.end().plusDays(1))));
        starts.addAll(yearToDateStarts(periodic));

        TreeMap<LocalDate, Year> years = new TreeMap<>();
        Year previous = null;
        for (LocalDate start : starts) {
            if (previous != null && previous.end != null && !start.isAfter(previous.end)) {
                continue; // inside the year before (a changed fiscal year end): keep the earlier year
            }
            List<XbrlFact> annual = annualByStart.getOrDefault(start, List.of());
            LocalDate end = annual.isEmpty() ? null : mostReported(annual, XbrlFact::end);
            int label = annual.isEmpty()
                    ? (previous != null ? previous.label + 1 : interimLabel(periodic, start))
                    : label(annual.stream().filter(f -> f.end().equals(end)).toList(), end);
            previous = new Year(start, end, label);
            years.put(start, previous);
        }
        return years;
    }

    /**
     * Fiscal-year starts seen in 10-Qs alone (a year whose 10-K is not there yet, or a company with no
     * 10-K in the document): a day on which facts for two or more different period ends start is the
     * start of a year-to-date chain. Trailing-twelve-month or discrete-quarter facts start on a day with
     * one end only.
     */
    private static List<LocalDate> yearToDateStarts(List<XbrlFact> periodic) {
        return periodic.stream()
                .filter(XbrlFact::fromQuarterlyReport)
                .filter(f -> f.durationDays() < MIN_YEAR_DAYS)
                .collect(Collectors.groupingBy(XbrlFact::start, Collectors.mapping(XbrlFact::end, Collectors.toSet())))
                .entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A year known only from 10-Qs: the fy of the earliest 10-Q with a fact starting on its first day. */
    private static int interimLabel(List<XbrlFact> periodic, LocalDate start) {
        return periodic.stream()
                .filter(f -> f.start().equals(start) && f.fy() != null)
                .min(Comparator.comparing(XbrlFact::filed))
                .map(XbrlFact::fy)
                .orElse(start.plusMonths(11).getYear());
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

package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.edgar.XbrlFact;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Year-to-date facts as 10-Qs and 10-Ks file them, for random fiscal calendars (fiscal years starting on any
 * day, calendar-month or 52/53-week quarters) and random amounts, some restated by a later 10-Q/A: the
 * discrete quarters come out exactly, sum to the years' totals, and the latest filed figure wins.
 */
class NormalizerPropertyTest {
    private static final String CAPEX = "PaymentsToAcquirePropertyPlantAndEquipment";

    /** A fiscal history: consecutive years, each with four discrete amounts, and restatements. */
    record History(LocalDate firstStart, boolean weeks, List<Boolean> longYear, List<List<Long>> amounts,
                   List<Restatement> restatements) {
    }

    /** A 10-Q/A restating the year-to-date figure ending with quarter {@code quarter} (1-3) of {@code year} by {@code delta}. */
    record Restatement(int year, int quarter, long delta) {
    }

    @Property(tries = 200)
    void discreteQuartersSumToTheYearAndTheLatestFiledWins(@ForAll("histories") History history) {
        List<XbrlFact> facts = new ArrayList<>();
        Map<LocalDate, Long> expected = new TreeMap<>();
        LocalDate start = history.firstStart();
        int accession = 0;
        for (int y = 0; y < history.amounts().size(); y++) {
            List<LocalDate> ends = quarterEnds(start, history.weeks(), history.longYear().get(y));
            List<Long> amounts = new ArrayList<>(history.amounts().get(y));
            long toDate = 0;
            for (int q = 0; q < 4; q++) {
                toDate += amounts.get(q);
                String form = q == 3 ? "10-K" : "10-Q";
                facts.add(fact(start, ends.get(q), toDate, "%010d-%02d-%06d".formatted(1, 20, ++accession), form,
                        ends.get(q).plusDays(q == 3 ? 45 : 30), ends.get(3).getYear()));
            }
            for (Restatement r : history.restatements()) {
                if (r.year() == y) {
                    long restated = amounts.subList(0, r.quarter()).stream().mapToLong(Long::longValue).sum() + r.delta();
                    // Filed after the 10-K, and each restatement later than the one before.
                    facts.add(fact(start, ends.get(r.quarter() - 1), restated, "%010d-%02d-%06d".formatted(1, 21, ++accession),
                            "10-Q/A", ends.get(3).plusDays(60 + accession), ends.get(3).getYear()));
                    amounts.set(r.quarter() - 1, amounts.get(r.quarter() - 1) + r.delta());
                    amounts.set(r.quarter(), amounts.get(r.quarter()) - r.delta());
                }
            }
            for (int q = 0; q < 4; q++) {
                expected.put(ends.get(q), amounts.get(q));
            }
            long total = history.amounts().get(y).stream().mapToLong(Long::longValue).sum();
            assertEquals(total, amounts.stream().mapToLong(Long::longValue).sum());
            start = ends.get(3).plusDays(1);
        }

        List<DerivedValue> capex = Normalizer.normalize(facts).stream()
                .filter(v -> v.metric() == FundamentalMetric.CAPEX).toList();
        Map<LocalDate, Long> derived = capex.stream()
                .collect(Collectors.toMap(v -> v.quarter().end(), DerivedValue::value, (a, b) -> a, TreeMap::new));
        assertEquals(expected, derived);
        capex.forEach(v -> assertEquals(List.of("reported", "6M-3M", "9M-6M", "FY-9M").get(v.quarter().quarter() - 1),
                v.derivation(), v::toString));
    }

    @Property(tries = 200)
    void anyPlausibleFactsNormalizeWithoutAnException(@ForAll("randomFacts") List<XbrlFact> facts) {
        // Whatever the facts, every value belongs to a quarter of 12 to 16 weeks.
        Normalizer.normalize(facts).forEach(v -> {
            long days = ChronoUnit.DAYS.between(v.quarter().start(), v.quarter().end()) + 1;
            assertTrue(days >= 77 && days <= 119, v::toString);
        });
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<LocalDate> start = Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2010, 1, 1).plusDays(d));
        Arbitrary<Long> amount = Arbitraries.longs().between(-1_000_000_000L, 100_000_000_000L);
        return Arbitraries.integers().between(1, 3).flatMap(years -> Combinators.combine(start, Arbitraries.of(true, false),
                Arbitraries.of(true, false).list().ofSize(years),
                amount.list().ofSize(4).list().ofSize(years),
                Combinators.combine(Arbitraries.integers().between(0, years - 1), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(-1_000_000L, 1_000_000L)).as(Restatement::new).list().ofMaxSize(3))
                .as(History::new));
    }

    @Provide
    Arbitrary<List<XbrlFact>> randomFacts() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 2000).map(d -> LocalDate.of(2018, 1, 1).plusDays(d));
        Arbitrary<XbrlFact> fact = Combinators.combine(
                        Arbitraries.of(CAPEX, "NetCashProvidedByUsedInOperatingActivities", "PaymentsToAcquireProductiveAssets",
                                "CashCashEquivalentsAndShortTermInvestments"),
                        day, Arbitraries.integers().between(0, 400), Arbitraries.of(true, false),
                        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
                        Arbitraries.of("10-Q", "10-K", "10-Q/A", "10-K/A", "8-K"),
                        Arbitraries.integers().between(0, 120), Arbitraries.integers().between(1, 9))
                .as((concept, start, days, instant, value, form, lag, accession) -> new XbrlFact(concept, "USD",
                        instant ? null : start, start.plusDays(days), BigDecimal.valueOf(value, value % 3 == 0 ? 1 : 0),
                        "0000000001-20-%06d".formatted(accession), start.getYear(), "Q1", form, start.plusDays(days + lag)));
        return fact.list().ofMaxSize(40);
    }

    private static XbrlFact fact(LocalDate start, LocalDate end, long value, String accession, String form, LocalDate filed,
                                 int fy) {
        return new XbrlFact(CAPEX, "USD", start, end, BigDecimal.valueOf(value), accession, fy,
                form.startsWith("10-K") ? "FY" : "Q", form, filed);
    }

    /** Calendar quarters (3 months each) or 13-week quarters, the fourth of 14 weeks in a 53-week year. */
    private static List<LocalDate> quarterEnds(LocalDate start, boolean weeks, boolean longYear) {
        List<LocalDate> ends = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            ends.add(weeks ? start.plusWeeks(13L * q + (q == 4 && longYear ? 1 : 0)).minusDays(1)
                    : start.plusMonths(3L * q).minusDays(1));
        }
        return ends;
    }
}

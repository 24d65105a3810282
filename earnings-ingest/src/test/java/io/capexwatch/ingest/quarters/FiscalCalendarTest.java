package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fiscal quarters from filing dates, on the calendars of the watchlist: period dates are the companies'
 * real ones; amounts are round test numbers (YTD sums of 100, 200, 300, 400) so every difference is plain.
 */
class FiscalCalendarTest {
    private static final String OCF = "NetCashProvidedByUsedInOperatingActivities";

    @Test
    void microsoftFiscalYearEndsInJuneAndItsFourthQuarterComesFromThe10K() {
        Facts facts = new Facts()
                .add(OCF, "2024-07-01", "2024-09-30", 100, "0000950170-24-118967", "10-Q", "2024-10-30")
                .add(OCF, "2024-07-01", "2024-12-31", 300, "0000950170-25-010491", "10-Q", "2025-01-29")
                .add(OCF, "2024-07-01", "2025-03-31", 600, "0000950170-25-061046", "10-Q", "2025-04-30")
                .add(OCF, "2024-07-01", "2025-06-30", 1000, "0000950170-25-100235", "10-K", "2025-07-30");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.OPERATING_CASH_FLOW);
        assertEquals(List.of("2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"), ends(q));
        DerivedValue q4 = q.get(LocalDate.parse("2025-06-30"));
        assertEquals(2025, q4.quarter().fiscalYear());
        assertEquals(4, q4.quarter().quarter());
        assertEquals(LocalDate.parse("2025-04-01"), q4.quarter().start());
        assertEquals(400, q4.value());
        assertEquals("FY-9M", q4.derivation());
        assertEquals(2025, q.get(LocalDate.parse("2024-09-30")).quarter().fiscalYear());
    }

    @Test
    void oracleFiscalYearEndsInMay() {
        Facts facts = new Facts()
                .add(OCF, "2024-06-01", "2024-08-31", 100, "a1", "10-Q", "2024-09-10")
                .add(OCF, "2024-06-01", "2024-11-30", 300, "a2", "10-Q", "2024-12-10")
                .add(OCF, "2024-06-01", "2025-02-28", 600, "a3", "10-Q", "2025-03-11")
                .add(OCF, "2024-06-01", "2025-05-31", 1000, "a4", "10-K", "2025-06-18")
                .add(OCF, "2025-06-01", "2025-08-31", 150, "a5", "10-Q", "2025-09-10");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.OPERATING_CASH_FLOW);
        assertEquals(List.of("2024-08-31", "2024-11-30", "2025-02-28", "2025-05-31", "2025-08-31"), ends(q));
        assertEquals(2026, q.get(LocalDate.parse("2025-08-31")).quarter().fiscalYear());
        assertEquals(1, q.get(LocalDate.parse("2025-08-31")).quarter().quarter());
        assertEquals(LocalDate.parse("2024-12-01"), q.get(LocalDate.parse("2025-02-28")).quarter().start());
    }

    @Test
    void nvidia52And53WeekYearsEndingLateJanuary() {
        // FY2025: 2024-01-29 .. 2025-01-26 (52 weeks); FY2024 ended 2024-01-28 after 52 weeks as well,
        // while FY2023 (not listed) had 53. Quarters are 13 weeks, whatever their day count.
        Facts facts = new Facts()
                .add(OCF, "2023-01-30", "2024-01-28", 2800, "n0", "10-K", "2024-02-21")
                .add(OCF, "2024-01-29", "2024-04-28", 100, "n1", "10-Q", "2024-05-29")
                .add(OCF, "2024-01-29", "2024-07-28", 300, "n2", "10-Q", "2024-08-28")
                .add(OCF, "2024-01-29", "2024-10-27", 600, "n3", "10-Q", "2024-11-20")
                .add(OCF, "2024-01-29", "2025-01-26", 1000, "n4", "10-K", "2025-02-26");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.OPERATING_CASH_FLOW);
        DerivedValue q4 = q.get(LocalDate.parse("2025-01-26"));
        assertEquals(2025, q4.quarter().fiscalYear());
        assertEquals(4, q4.quarter().quarter());
        assertEquals(LocalDate.parse("2024-10-28"), q4.quarter().start());
        assertEquals(400, q4.value());
    }

    @Test
    void aSixteenWeekFirstQuarterIsAQuarter() {
        // A retailer's 52-week year: 16 + 12 + 12 + 12 weeks.
        Facts facts = new Facts()
                .add(OCF, "2024-09-02", "2025-08-31", 1000, "r0", "10-K", "2025-10-08")
                .add(OCF, "2024-09-02", "2024-12-22", 100, "r1", "10-Q", "2025-01-07")
                .add(OCF, "2024-09-02", "2025-03-16", 300, "r2", "10-Q", "2025-04-01")
                .add(OCF, "2024-09-02", "2025-06-08", 600, "r3", "10-Q", "2025-06-24");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.OPERATING_CASH_FLOW);
        assertEquals(List.of("2024-12-22", "2025-03-16", "2025-06-08", "2025-08-31"), ends(q));
        assertEquals(400, q.get(LocalDate.parse("2025-08-31")).value());
    }

    @Test
    void twelveMonthFactsIn10QsAreNeverQuartersAndNineMonthFiguresNeverShowAsQ3() {
        Facts facts = new Facts()
                .add(OCF, "2024-01-01", "2024-12-31", 1000, "k", "10-K", "2025-02-01")
                .add(OCF, "2025-01-01", "2025-03-31", 100, "q1", "10-Q", "2025-04-25")
                .add(OCF, "2025-01-01", "2025-06-30", 300, "q2", "10-Q", "2025-07-25")
                .add(OCF, "2025-01-01", "2025-09-30", 600, "q3", "10-Q", "2025-10-25")
                .add(OCF, "2024-10-01", "2025-09-30", 900, "q3", "10-Q", "2025-10-25");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.OPERATING_CASH_FLOW);
        assertEquals(List.of("2025-03-31", "2025-06-30", "2025-09-30"), ends(q));
        assertEquals(300, q.get(LocalDate.parse("2025-09-30")).value());
        assertEquals("9M-6M", q.get(LocalDate.parse("2025-09-30")).derivation());
    }

    @Test
    void aNegativeDerivedCapexIsKeptAndFlagged() {
        String capex = "PaymentsToAcquirePropertyPlantAndEquipment";
        Facts facts = new Facts()
                .add(capex, "2025-01-01", "2025-03-31", 100, "q1", "10-Q", "2025-04-25")
                .add(capex, "2025-01-01", "2025-06-30", 90, "q2", "10-Q", "2025-07-25");
        DerivedValue q2 = derive(facts, FundamentalMetric.CAPEX).get(LocalDate.parse("2025-06-30"));
        assertEquals(-10, q2.value());
        assertEquals(List.of(DerivedValue.NEGATIVE_DERIVED_VALUE), q2.flags());
    }

    @Test
    void aMigratedCapexTagNeverShadowsTheNewOne() {
        String oldTag = "PaymentsToAcquirePropertyPlantAndEquipment";
        String newTag = "PaymentsToAcquireProductiveAssets";
        Facts facts = new Facts()
                .add(oldTag, "2023-01-01", "2023-03-31", 50, "o1", "10-Q", "2023-04-25")
                .add(oldTag, "2023-01-01", "2023-06-30", 110, "o2", "10-Q", "2023-07-25")
                .add(oldTag, "2024-01-01", "2024-03-31", 60, "o3", "10-Q", "2024-04-25")
                .add(oldTag, "2024-01-01", "2024-06-30", 130, "o4", "10-Q", "2024-07-25")
                .add(newTag, "2024-01-01", "2024-03-31", 70, "n1", "10-Q", "2025-04-25")
                .add(newTag, "2025-01-01", "2025-03-31", 80, "n1", "10-Q", "2025-04-25")
                .add(newTag, "2025-01-01", "2025-06-30", 170, "n2", "10-Q", "2025-07-25");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.CAPEX);
        assertEquals(70, q.get(LocalDate.parse("2024-03-31")).value());
        assertEquals(newTag, q.get(LocalDate.parse("2024-03-31")).source().concept());
        assertEquals(50, q.get(LocalDate.parse("2023-03-31")).value());
        assertTrue(q.get(LocalDate.parse("2023-03-31")).flags().contains(DerivedValue.STALE_CONCEPT));
        assertTrue(q.get(LocalDate.parse("2025-03-31")).flags().isEmpty());
    }

    @Test
    void neverSubtractsAcrossConcepts() {
        String oldTag = "PaymentsToAcquirePropertyPlantAndEquipment";
        String newTag = "PaymentsToAcquireProductiveAssets";
        Facts facts = new Facts()
                .add(oldTag, "2025-01-01", "2025-03-31", 100, "q1", "10-Q", "2025-04-25")
                .add(newTag, "2025-01-01", "2025-06-30", 300, "q2", "10-Q", "2025-07-25");
        Map<LocalDate, DerivedValue> q = derive(facts, FundamentalMetric.CAPEX);
        assertEquals(List.of("2025-03-31"), ends(q));
    }

    private static Map<LocalDate, DerivedValue> derive(Facts facts, FundamentalMetric metric) {
        return QuarterDeriver.derive(metric, facts.byConcept(), FiscalCalendar.from(facts.all())).stream()
                .collect(Collectors.toMap(v -> v.quarter().end(), v -> v));
    }

    private static List<String> ends(Map<LocalDate, DerivedValue> values) {
        return values.keySet().stream().sorted().map(LocalDate::toString).toList();
    }
}

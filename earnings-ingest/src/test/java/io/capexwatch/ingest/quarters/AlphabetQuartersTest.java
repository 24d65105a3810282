package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alphabet's real companyfacts against the quarters worked out independently in the shared CSV. */
class AlphabetQuartersTest {
    /**
     * The CSV computes revenue for 2023 Q4 as FY("Revenues", 2026 10-K) − 9M: the 9M fact exists only under
     * the older RevenueFromContractWithCustomerExcludingAssessedTax, so the CSV mixes two concepts. We never
     * subtract across concepts: the same value comes from the older concept's FY and 9M facts.
     */
    private static final java.util.Set<String> KNOWN_SOURCE_DIFFERENCES = java.util.Set.of("REVENUE@2023-12-31");
    private static CompanyFacts facts;
    private static List<Map<String, String>> expected;

    @BeforeAll
    static void load() throws IOException {
        Path json = SharedEdgarFiles.require("CIK0001652044.json");
        Path csv = SharedEdgarFiles.require("CIK0001652044_derived_quarters.csv");
        try (InputStream in = Files.newInputStream(json)) {
            facts = new CompanyFactsParser(MetricConcepts.allConcepts()).parse(in);
        }
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.getFirst().split(",");
        expected = lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            return row;
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "REVENUE, revenue, revenue_src",
            "OPERATING_CASH_FLOW, ocf, ocf_src",
            "CAPEX, capex, capex_src",
            "DEPRECIATION_AND_AMORTIZATION, da, da_src",
            "SHARE_BUYBACKS, buybacks, buybacks_src",
            "FINANCE_LEASE_PRINCIPAL_PAYMENTS, fin_lease_principal, fin_lease_principal_src",
    })
    void everyQuarterFrom2023Q1To2026Q1MatchesToTheDollarWithItsSource(FundamentalMetric metric, String column, String source) {
        Map<LocalDate, DerivedValue> values = byEnd(QuarterDeriver.derive(metric, facts.factsByConcept(), calendar()));
        assertEquals(13, expected.size());
        for (Map<String, String> row : expected) {
            LocalDate end = LocalDate.parse(row.get("quarter_end"));
            if (row.get(column).isEmpty()) {
                continue; // the CSV has no value for this quarter (finance leases before 2024)
            }
            DerivedValue value = values.get(end);
            assertEquals(Long.parseLong(row.get(column)), value.value(), metric + " " + end);
            if (!KNOWN_SOURCE_DIFFERENCES.contains(metric + "@" + end)) {
                assertEquals(row.get(source), source(value), metric + " provenance " + end);
            }
            // Revenue before the 2025 switch back to "Revenues" can only come from the replaced concept.
            List<String> flags = value.source().concept().startsWith("RevenueFromContractWithCustomer") ? List.of("STALE_CONCEPT") : List.of();
            assertEquals(flags, value.flags(), metric + " " + end);
        }
    }

    @Test
    void freeCashFlowMatchesEveryQuarter() {
        Map<LocalDate, DerivedValue> ocf = byEnd(QuarterDeriver.derive(FundamentalMetric.OPERATING_CASH_FLOW, facts.factsByConcept(), calendar()));
        Map<LocalDate, DerivedValue> capex = byEnd(QuarterDeriver.derive(FundamentalMetric.CAPEX, facts.factsByConcept(), calendar()));
        for (Map<String, String> row : expected) {
            LocalDate end = LocalDate.parse(row.get("quarter_end"));
            assertEquals(Long.parseLong(row.get("fcf")), ocf.get(end).value() - capex.get(end).value(), "FCF " + end);
        }
    }

    @Test
    void revenueFollowsTheTagMigrationOf2025() {
        Map<LocalDate, DerivedValue> revenue = byEnd(QuarterDeriver.derive(FundamentalMetric.REVENUE, facts.factsByConcept(), calendar()));
        assertEquals("RevenueFromContractWithCustomerExcludingAssessedTax", revenue.get(LocalDate.parse("2023-03-31")).source().concept());
        assertEquals("Revenues", revenue.get(LocalDate.parse("2026-03-31")).source().concept());
        assertEquals(102_346_000_000L, revenue.get(LocalDate.parse("2025-09-30")).value());
    }

    @Test
    void balancesAreReadAtTheQuarterEnd() {
        Map<LocalDate, DerivedValue> rpo = byEnd(QuarterDeriver.derive(FundamentalMetric.REMAINING_PERFORMANCE_OBLIGATIONS, facts.factsByConcept(), calendar()));
        DerivedValue q = rpo.get(LocalDate.parse("2025-12-31"));
        assertEquals("RevenueRemainingPerformanceObligation", q.source().concept());
        assertEquals("reported", q.derivation());
        assertEquals(null, q.source().start());
    }

    private static FiscalCalendar calendar() {
        return FiscalCalendar.from(facts.factsByConcept().values().stream().flatMap(List::stream).toList());
    }

    @Test
    void quarterEnded2025_09_30IsThirdFiscalQuarterOf2025DerivedFromTheYearToDateFacts() {
        DerivedValue q3 = byEnd(QuarterDeriver.derive(FundamentalMetric.OPERATING_CASH_FLOW, facts.factsByConcept(), calendar()))
                .get(LocalDate.parse("2025-09-30"));
        assertEquals(2025, q3.quarter().fiscalYear());
        assertEquals(3, q3.quarter().quarter());
        assertEquals(LocalDate.parse("2025-07-01"), q3.quarter().start());
        assertEquals(48_414_000_000L, q3.value());
        assertEquals("9M-6M", q3.derivation());
        assertEquals(112_311_000_000L, q3.derivedFrom().get(0).value().longValueExact());
        assertEquals(63_897_000_000L, q3.derivedFrom().get(1).value().longValueExact());
        assertTrue(q3.flags().isEmpty());
    }

    /** The CSV's notation: direct|concept|accession or diff:9M-6M|concept|accession. */
    private static String source(DerivedValue value) {
        String how = value.derivation().equals("reported") ? "direct" : "diff:" + value.derivation();
        return how + "|" + value.source().concept() + "|" + value.source().accession();
    }

    private static Map<LocalDate, DerivedValue> byEnd(List<DerivedValue> values) {
        Map<LocalDate, DerivedValue> map = new HashMap<>();
        values.forEach(v -> map.put(v.quarter().end(), v));
        return map;
    }
}

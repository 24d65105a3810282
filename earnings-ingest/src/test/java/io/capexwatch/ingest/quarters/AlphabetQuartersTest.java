package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void operatingCashFlowCapexAndFreeCashFlowMatchEveryQuarterFrom2023Q1To2026Q1() {
        FiscalCalendar calendar = FiscalCalendar.from(facts.factsByConcept().values().stream().flatMap(List::stream).toList());
        Map<LocalDate, DerivedValue> ocf = byEnd(QuarterDeriver.derive(FundamentalMetric.OPERATING_CASH_FLOW, facts.factsByConcept(), calendar));
        Map<LocalDate, DerivedValue> capex = byEnd(QuarterDeriver.derive(FundamentalMetric.CAPEX, facts.factsByConcept(), calendar));
        assertEquals(13, expected.size());
        for (Map<String, String> row : expected) {
            LocalDate end = LocalDate.parse(row.get("quarter_end"));
            assertEquals(Long.parseLong(row.get("ocf")), ocf.get(end).value(), "OCF " + end);
            assertEquals(Long.parseLong(row.get("capex")), capex.get(end).value(), "capex " + end);
            assertEquals(Long.parseLong(row.get("fcf")), ocf.get(end).value() - capex.get(end).value(), "FCF " + end);
            assertEquals(row.get("ocf_src"), source(ocf.get(end)), "OCF provenance " + end);
            assertEquals(row.get("capex_src"), source(capex.get(end)), "capex provenance " + end);
        }
    }

    @Test
    void quarterEnded2025_09_30IsThirdFiscalQuarterOf2025DerivedFromTheYearToDateFacts() {
        FiscalCalendar calendar = FiscalCalendar.from(facts.factsByConcept().values().stream().flatMap(List::stream).toList());
        DerivedValue q3 = byEnd(QuarterDeriver.derive(FundamentalMetric.OPERATING_CASH_FLOW, facts.factsByConcept(), calendar))
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

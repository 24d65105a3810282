package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.Samples;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Amazon from our own fixture (samples/companyfacts/CIK0001018724.json), written from the year-to-date
 * figures of its 10-Qs and 10-Ks for 2024, 2025 and 2026 Q1. Amazon tags capex as
 * PaymentsToAcquireProductiveAssets, and its 10-Qs also carry trailing-twelve-month columns, which must
 * not be taken for quarters or for a fiscal year ending in September.
 */
class AmazonQuartersTest {
    private static final long M = 1_000_000L;
    private static CompanyFacts facts;

    @BeforeAll
    static void load() {
        facts = new CompanyFactsParser(MetricConcepts.allConcepts())
                .parse(new ByteArrayInputStream(Samples.read("companyfacts/CIK0001018724.json")));
    }

    @ParameterizedTest(name = "{0}: OCF {1}M, capex {2}M, finance leases {3}M ({4})")
    @CsvSource({
            "2024-03-31, 18989, 14925, 770, reported",
            "2024-06-30, 25281, 17620, 538, 6M-3M",
            "2024-09-30, 25971, 22620, 402, 9M-6M",
            "2024-12-31, 45636, 27834, 333, FY-9M",
            "2025-03-31, 17015, 25019, 410, reported",
            "2025-06-30, 32515, 32183, 411, 6M-3M",
            "2025-09-30, 35525, 35095, 351, 9M-6M",
            "2025-12-31, 54459, 39522, 385, FY-9M",
            "2026-03-31, 26032, 44203, 468, reported",
    })
    void everyQuarterToTheDollar(LocalDate end, long ocf, long capex, long financeLeases, String derivation) {
        DerivedValue ocfValue = derive(FundamentalMetric.OPERATING_CASH_FLOW).get(end);
        DerivedValue capexValue = derive(FundamentalMetric.CAPEX).get(end);
        assertEquals(ocf * M, ocfValue.value());
        assertEquals(capex * M, capexValue.value());
        assertEquals(financeLeases * M, derive(FundamentalMetric.FINANCE_LEASE_PRINCIPAL_PAYMENTS).get(end).value());
        assertEquals(derivation, ocfValue.derivation());
        assertEquals("PaymentsToAcquireProductiveAssets", capexValue.source().concept());
        assertEquals(List.of(), capexValue.flags());
        assertEquals(end.getYear(), capexValue.quarter().fiscalYear());
        assertEquals((end.getMonthValue() + 2) / 3, capexValue.quarter().quarter());
    }

    @Test
    void twelveMonthColumnsInTenQsAreNotQuarters() {
        // Nine quarters, all three months long; the 10-Qs' TTM facts (e.g. 2024-10-01..2025-09-30) are ignored.
        Map<LocalDate, DerivedValue> ocf = derive(FundamentalMetric.OPERATING_CASH_FLOW);
        assertEquals(9, ocf.size());
        ocf.values().forEach(q -> assertEquals(q.quarter().end().plusDays(1).minusMonths(3), q.quarter().start()));
        assertEquals("0001018724-25-000123", ocf.get(LocalDate.parse("2025-09-30")).source().accession());
    }

    @Test
    void ttmToSeptember2025MatchesWhatAmazonReported() {
        // Amazon's Q3 2025 release: TTM operating cash flow $130,691M and purchases of property and equipment
        // $120,131M. Its free cash flow of $14,788M also subtracts $4,228M of proceeds from property sales and
        // incentives, tagged with Amazon's own concept, which companyfacts does not carry: standard FCF is $10,560M.
        long ttmOcf = ttm(FundamentalMetric.OPERATING_CASH_FLOW, "2025-09-30");
        long ttmCapex = ttm(FundamentalMetric.CAPEX, "2025-09-30");
        assertEquals(130_691 * M, ttmOcf);
        assertEquals(120_131 * M, ttmCapex);
        assertEquals(10_560 * M, ttmOcf - ttmCapex);
        assertEquals(14_788 * M, ttmOcf - (ttmCapex - 4_228 * M));
    }

    private static long ttm(FundamentalMetric metric, String end) {
        List<DerivedValue> upTo = derive(metric).headMap(LocalDate.parse(end), true).values().stream().toList();
        return upTo.subList(upTo.size() - 4, upTo.size()).stream().mapToLong(DerivedValue::value).sum();
    }

    private static TreeMap<LocalDate, DerivedValue> derive(FundamentalMetric metric) {
        FiscalCalendar calendar = FiscalCalendar.from(facts.factsByConcept().values().stream().flatMap(List::stream).toList());
        return QuarterDeriver.derive(metric, facts.factsByConcept(), calendar).stream()
                .collect(Collectors.toMap(v -> v.quarter().end(), v -> v, (a, b) -> a, TreeMap::new));
    }
}

package io.capexwatch.verdict.board;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.AlphabetMetrics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The peer grid and the group on calendar 2025 Q3: Alphabet's real quarter (December year) next to a June-year
 * and a May-year company with round test amounts (their period dates are Microsoft's and Oracle's).
 */
class PeerGridTest {
    private static final long M = 1_000_000L;
    static final MetricsSnapshot ALPHABET = new MetricsSnapshot(1, AlphabetMetrics.CIK, "GOOGL", "Alphabet Inc.", 9, 9,
            Instant.parse("2026-05-01T00:00:00Z"), AlphabetMetrics.quarters());
    static final MetricsSnapshot JUNE_YEAR = new MetricsSnapshot(1, 789_019L, "JUNE", "June Year Corp", 2, 2,
            Instant.parse("2025-11-01T00:00:00Z"), List.of(
            quarter(2025, 1, "2024-07-01", "2024-09-30", 40_000, 15_000, 60_000, 100, "0000789019-24-000101", null),
            quarter(2026, 1, "2025-07-01", "2025-09-30", 45_000, 20_000, 77_000, 150, "0000789019-25-000202", 80_000L)));
    static final MetricsSnapshot MAY_YEAR = new MetricsSnapshot(1, 1_341_439L, "MAY", "May Year Corp", 1, 1,
            Instant.parse("2025-10-01T00:00:00Z"), List.of(
            quarter(2026, 1, "2025-06-01", "2025-08-31", 8_100, 8_500, 14_900, 900, "0001341439-25-000303", 30_000L)));
    static final List<MetricsSnapshot> COMPANIES = List.of(ALPHABET, JUNE_YEAR, MAY_YEAR);

    /** A quarter with provenance: capex from the 10-Q derived 3M, OCF reported in the same filing. */
    static QuarterMetrics quarter(int fy, int fq, String start, String end, long ocfM, long capexM, long revenueM, long daM,
                                  String accession, Long ttmCapexM) {
        Filing filing = new Filing(accession, "10-Q", LocalDate.parse(end).plusDays(25));
        Provenance capex = new Provenance("PaymentsToAcquirePropertyPlantAndEquipment", filing, Provenance.REPORTED, List.of(), List.of());
        Provenance ocf = new Provenance("NetCashProvidedByUsedInOperatingActivities", filing, Provenance.REPORTED, List.of(), List.of());
        Long ttmCapex = ttmCapexM == null ? null : ttmCapexM * M;
        return new QuarterMetrics(fy, fq, LocalDate.parse(start), LocalDate.parse(end), ocfM * M, capexM * M, (ocfM - capexM) * M,
                PeerGrid.ratio(capexM, ocfM), null, ttmCapex, null, null, revenueM * M, null, daM * M, null, null, null,
                filing, ocf, capex, List.of(), null);
    }

    @Test
    void companyDefinedFcfIsTheCompanysExactDefinitionAndNeverAnApproximateOne() {
        QuarterMetrics q = quarter(2025, 3, "2025-07-01", "2025-09-30", 35_525, 35_095, 180_169, 0, "0001018724-25-000123", 120_131L);
        // Amazon's TTM FCF at 2025-09-30 as Amazon states it: OCF 130,691M - (capex 120,131M - proceeds 4,228M).
        QuarterMetrics exact = withCompanyFcf(q, "EXACT", 14_788 * M);
        assertEquals(14_788_000_000L, PeerGrid.companyFcf(exact));
        assertNull(PeerGrid.companyFcf(withCompanyFcf(q, "APPROXIMATE", 14_000 * M)));
        assertNull(PeerGrid.companyFcf(q));
    }

    private static QuarterMetrics withCompanyFcf(QuarterMetrics q, String ttmStatus, long ttm) {
        CompanyDefinedMetrics.Measure fcf = new CompanyDefinedMetrics.Measure("fcf", "Free cash flow",
                "Amazon.com Q3 2025 earnings release", null, "UNAVAILABLE", ttm, ttmStatus, null, "twelve months as filed");
        return new QuarterMetrics(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), q.ocf(), q.capex(), q.fcf(),
                q.capexToOcf(), q.ttmOcf(), q.ttmCapex(), q.ttmFcf(), q.ttmCapexToOcf(), q.revenue(), q.ttmRevenue(),
                q.depreciationAndAmortization(), q.ttmDepreciationAndAmortization(), q.debtIssued(), q.ttmDebtIssued(),
                q.latestFiling(), q.ocfSource(), q.capexSource(), q.flags(), q.extended(),
                new CompanyDefinedMetrics(null, fcf, null, List.of(), null, null, List.of()));
    }

    @Test
    void fiscalQuartersEndingInJulyToSeptemberSitSideBySide() {
        List<PeerRow> rows = PeerGrid.grid(COMPANIES, CalendarQuarter.parse("2025Q3"), "capex", true);
        assertEquals(List.of("GOOGL", "JUNE", "MAY"), rows.stream().map(PeerRow::ticker).toList());

        PeerRow alphabet = rows.get(0);
        assertEquals("FY2025 Q3", alphabet.fiscalLabel());
        assertEquals(23_953_000_000L, alphabet.capex());
        assertEquals(48_414_000_000L, alphabet.ocf());
        assertEquals(24_461_000_000L, alphabet.fcf());
        assertEquals(new BigDecimal("0.2390"), alphabet.fcfMargin()); // 24,461 / 102,346
        assertEquals(new BigDecimal("0.4080"), alphabet.daGrowth()); // 5,611 / 3,985 - 1
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204425000091/", alphabet.filingUrl());
        assertNull(alphabet.capexFilingUrl()); // the Alphabet fixture carries no per-figure provenance

        PeerRow june = rows.get(1);
        assertEquals("FY2026 Q1", june.fiscalLabel());
        assertEquals("2025Q3", june.calendarQuarter());
        assertEquals(25_000_000_000L, june.fcf());
        assertEquals(new BigDecimal("0.3247"), june.fcfMargin());
        assertEquals(new BigDecimal("0.5000"), june.daGrowth()); // 150 against FY2025 Q1's 100
        assertEquals("https://www.sec.gov/Archives/edgar/data/789019/000078901925000202/", june.capexFilingUrl());
        assertEquals("https://www.sec.gov/Archives/edgar/data/789019/000078901925000202/", june.ocfFilingUrl());

        PeerRow may = rows.get(2);
        assertEquals("FY2026 Q1", may.fiscalLabel());
        assertEquals(LocalDate.parse("2025-08-31"), may.periodEnd());
        assertEquals(-400_000_000L, may.fcf());
        assertEquals(new BigDecimal("1.0494"), may.capexToOcf());
        assertEquals(new BigDecimal("-0.0268"), may.fcfMargin());
        assertNull(may.daGrowth()); // no quarter a year earlier
    }

    @Test
    void sortingPutsMissingFiguresLastInEitherOrder() {
        CalendarQuarter q3 = CalendarQuarter.parse("2025Q3");
        assertEquals(List.of("JUNE", "GOOGL", "MAY"), PeerGrid.grid(COMPANIES, q3, "daGrowth", true).stream().map(PeerRow::ticker).toList());
        assertEquals(List.of("GOOGL", "JUNE", "MAY"), PeerGrid.grid(COMPANIES, q3, "daGrowth", false).stream().map(PeerRow::ticker).toList());
        assertEquals(List.of("MAY", "GOOGL", "JUNE"), PeerGrid.grid(COMPANIES, q3, "fcfMargin", false).stream().map(PeerRow::ticker).toList());
        assertThrows(IllegalArgumentException.class, () -> PeerGrid.grid(COMPANIES, q3, "price", false));
    }

    @Test
    void theGroupAddsUpExactlyAndSaysWhoIsMissing() {
        GroupQuarter q3 = PeerGroup.of(COMPANIES, CalendarQuarter.parse("2025Q3"));
        assertEquals(List.of("GOOGL", "JUNE", "MAY"), q3.reported());
        assertEquals(List.of(), q3.missing());
        assertEquals(52_453_000_000L, q3.capex()); // 23,953 + 20,000 + 8,500
        assertEquals(101_514_000_000L, q3.ocf()); // 48,414 + 45,000 + 8,100
        assertEquals(49_061_000_000L, q3.fcf());
        assertEquals(List.of(new BigDecimal("0.4567"), new BigDecimal("0.3813"), new BigDecimal("0.1620")),
                q3.shares().stream().map(GroupQuarter.Share::capexShare).toList());
        assertEquals(187_872_000_000L, q3.ttmCapex()); // 77,872 + 80,000 + 30,000
        assertEquals(List.of(new BigDecimal("0.4145"), new BigDecimal("0.4258"), new BigDecimal("0.1597")),
                q3.shares().stream().map(GroupQuarter.Share::ttmCapexShare).toList());

        GroupQuarter q4 = PeerGroup.of(COMPANIES, CalendarQuarter.parse("2025Q4"));
        assertEquals(List.of("GOOGL"), q4.reported());
        assertEquals(List.of("JUNE", "MAY"), q4.missing());
        assertEquals(27_851_000_000L, q4.capex());
        assertEquals(new BigDecimal("1.0000"), q4.shares().getFirst().capexShare());
    }

    @Test
    void quartersWithAnyFiguresNewestFirst() {
        List<String> quarters = PeerGrid.quarters(COMPANIES).stream().map(CalendarQuarter::toString).toList();
        assertEquals(List.of("2026Q1", "2025Q4", "2025Q3", "2025Q2", "2025Q1", "2024Q4", "2024Q3", "2024Q2", "2024Q1"), quarters);
    }

    @Test
    void edgarLinks() {
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204425000091/",
                EdgarLinks.filing(1_652_044L, "0001652044-25-000091"));
        assertNull(EdgarLinks.filing(1L, null));
        assertThrows(IllegalArgumentException.class, () -> EdgarLinks.filing(1L, "../../etc"));
    }
}

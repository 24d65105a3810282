package io.capexwatch.verdict;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Alphabet's quarter and TTM operating cash flow, capex, revenue and depreciation, 2024 Q1 – 2026 Q1, in USD
 * millions, from its published statements, as capex-tracker publishes them.
 */
public final class AlphabetMetrics {
    public static final long CIK = 1_652_044L;
    private static final long M = 1_000_000L;

    /** period end, OCF, capex, TTM OCF, TTM capex, accession, revenue, TTM revenue, depreciation, TTM depreciation. */
    private static final Object[][] ROWS = {
            {"2024-03-31", 28_848, 12_012, 107_085, 37_974, "0001652044-24-000053", 80_539, 318_146, 3_413, 12_724},
            {"2024-06-30", 26_640, 13_186, 105_059, 44_272, "0001652044-24-000079", 84_742, 328_284, 3_708, 13_608},
            {"2024-09-30", 30_698, 13_061, 105_101, 49_278, "0001652044-24-000118", 88_268, 339_859, 3_985, 14_422},
            {"2024-12-31", 39_113, 14_276, 125_299, 52_535, "0001652044-25-000014", 96_469, 350_018, 4_205, 15_311},
            {"2025-03-31", 36_150, 17_197, 132_601, 57_720, "0001652044-25-000043", 90_234, 359_713, 4_487, 16_385},
            {"2025-06-30", 27_747, 22_446, 133_708, 66_980, "0001652044-25-000062", 96_428, 371_399, 4_998, 17_675},
            {"2025-09-30", 48_414, 23_953, 151_424, 77_872, "0001652044-25-000091", 102_346, 385_477, 5_611, 19_301},
            {"2025-12-31", 52_402, 27_851, 164_713, 91_447, "0001652044-26-000018", 113_829, 402_837, 6_040, 21_136},
            {"2026-03-31", 45_790, 35_674, 174_353, 109_924, "0001652044-26-000048", 109_896, 422_499, 6_482, 23_131},
    };

    private AlphabetMetrics() {
    }

    public static List<QuarterMetrics> quarters() {
        List<QuarterMetrics> quarters = new ArrayList<>();
        for (Object[] row : ROWS) {
            QuarterMetrics q = quarter(LocalDate.parse((String) row[0]), (Integer) row[1] * M, (Integer) row[2] * M,
                    (Integer) row[3] * M, (Integer) row[4] * M, (String) row[5]);
            quarters.add(withRevenueAndDepreciation(q, (Integer) row[6] * M, (Integer) row[7] * M,
                    (Integer) row[8] * M, (Integer) row[9] * M));
        }
        return quarters;
    }

    public static QuarterMetrics quarter(LocalDate end, long ocf, long capex, Long ttmOcf, Long ttmCapex, String accession) {
        Filing filing = new Filing(accession, "10-Q", end.plusDays(30));
        return new QuarterMetrics(end.getYear(), (end.getMonthValue() + 2) / 3, end.withDayOfMonth(1).minusMonths(2), end,
                ocf, capex, ocf - capex, ratio(capex, ocf), ttmOcf, ttmCapex,
                ttmOcf == null ? null : ttmOcf - ttmCapex, ttmOcf == null ? null : ratio(ttmCapex, ttmOcf),
                null, null, null, null, null, null, filing, null, null, List.of(), null);
    }

    public static QuarterMetrics withRevenueAndDepreciation(QuarterMetrics q, Long revenue, Long ttmRevenue, Long da, Long ttmDa) {
        return new QuarterMetrics(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), q.ocf(), q.capex(),
                q.fcf(), q.capexToOcf(), q.ttmOcf(), q.ttmCapex(), q.ttmFcf(), q.ttmCapexToOcf(), revenue, ttmRevenue, da,
                ttmDa, q.debtIssued(), q.ttmDebtIssued(), q.latestFiling(), q.ocfSource(), q.capexSource(), q.flags(), null);
    }

    public static QuarterMetrics withDebtIssued(QuarterMetrics q, Long ttmDebtIssued) {
        return new QuarterMetrics(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), q.ocf(), q.capex(),
                q.fcf(), q.capexToOcf(), q.ttmOcf(), q.ttmCapex(), q.ttmFcf(), q.ttmCapexToOcf(), q.revenue(),
                q.ttmRevenue(), q.depreciationAndAmortization(), q.ttmDepreciationAndAmortization(), ttmDebtIssued,
                ttmDebtIssued, q.latestFiling(), q.ocfSource(), q.capexSource(), q.flags(), null);
    }

    public static QuarterMetrics withCompanyDefined(QuarterMetrics q, CompanyDefinedMetrics own) {
        return new QuarterMetrics(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), q.ocf(), q.capex(),
                q.fcf(), q.capexToOcf(), q.ttmOcf(), q.ttmCapex(), q.ttmFcf(), q.ttmCapexToOcf(), q.revenue(),
                q.ttmRevenue(), q.depreciationAndAmortization(), q.ttmDepreciationAndAmortization(), q.debtIssued(),
                q.ttmDebtIssued(), q.latestFiling(), q.ocfSource(), q.capexSource(), q.flags(), q.extended(), own);
    }

    public static MetricsSnapshot snapshot(long revision, List<QuarterMetrics> quarters) {
        return new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, CIK, "GOOGL", "ALPHABET INC.", revision, revision,
                Instant.parse("2026-05-01T00:00:00Z"), quarters);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator <= 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
    }
}

package io.capexwatch.tracker;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterChange;
import io.capexwatch.contracts.messages.QuarterValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alphabet's discrete quarters 2024 Q1 – 2026 Q1 (operating cash flow and purchases of property and
 * equipment, in USD millions, from its published cash-flow statements), as earnings-ingest publishes them.
 */
public final class AlphabetQuarters {
    public static final long CIK = 1_652_044L;
    private static final long MILLION = 1_000_000L;

    /** period end, OCF, capex, filing accession, form, filed, revenue, depreciation. */
    private static final Object[][] QUARTERS = {
            {"2024-03-31", 28_848, 12_012, "0001652044-24-000053", "10-Q", "2024-04-26", 80_539, 3_413},
            {"2024-06-30", 26_640, 13_186, "0001652044-24-000079", "10-Q", "2024-07-24", 84_742, 3_708},
            {"2024-09-30", 30_698, 13_061, "0001652044-24-000118", "10-Q", "2024-10-30", 88_268, 3_985},
            {"2024-12-31", 39_113, 14_276, "0001652044-25-000014", "10-K", "2025-02-05", 96_469, 4_205},
            {"2025-03-31", 36_150, 17_197, "0001652044-25-000043", "10-Q", "2025-04-25", 90_234, 4_487},
            {"2025-06-30", 27_747, 22_446, "0001652044-25-000062", "10-Q", "2025-07-24", 96_428, 4_998},
            {"2025-09-30", 48_414, 23_953, "0001652044-25-000091", "10-Q", "2025-10-30", 102_346, 5_611},
            {"2025-12-31", 52_402, 27_851, "0001652044-26-000018", "10-K", "2026-02-05", 113_829, 6_040},
            {"2026-03-31", 45_790, 35_674, "0001652044-26-000048", "10-Q", "2026-04-30", 109_896, 6_482},
    };

    private AlphabetQuarters() {
    }

    public static List<FiscalQuarterFundamentals> quarters() {
        List<FiscalQuarterFundamentals> quarters = new ArrayList<>();
        for (Object[] row : QUARTERS) {
            LocalDate end = LocalDate.parse((String) row[0]);
            Filing filing = new Filing((String) row[3], (String) row[4], LocalDate.parse((String) row[5]));
            FiscalQuarterFundamentals q = quarter(end, ((Integer) row[1]) * MILLION, ((Integer) row[2]) * MILLION, filing);
            Map<FundamentalMetric, QuarterValue> values = new java.util.EnumMap<>(q.values());
            values.put(FundamentalMetric.REVENUE, new QuarterValue(((Integer) row[6]) * MILLION,
                    new Provenance("Revenues", filing, Provenance.REPORTED, List.of(), List.of())));
            values.put(FundamentalMetric.DEPRECIATION_AND_AMORTIZATION, new QuarterValue(((Integer) row[7]) * MILLION,
                    new Provenance("Depreciation", filing, "9M-6M", List.of(), List.of())));
            quarters.add(new FiscalQuarterFundamentals(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), end, values));
        }
        return quarters;
    }

    public static FiscalQuarterFundamentals quarter(LocalDate end, long ocf, long capex, Filing filing) {
        int q = (end.getMonthValue() + 2) / 3;
        Provenance ocfSource = new Provenance("NetCashProvidedByUsedInOperatingActivities", filing, Provenance.REPORTED, List.of(), List.of());
        Provenance capexSource = new Provenance("PaymentsToAcquirePropertyPlantAndEquipment", filing, Provenance.REPORTED, List.of(), List.of());
        return new FiscalQuarterFundamentals(end.getYear(), q, end.withDayOfMonth(1).minusMonths(2), end, Map.of(
                FundamentalMetric.OPERATING_CASH_FLOW, new QuarterValue(ocf, ocfSource),
                FundamentalMetric.CAPEX, new QuarterValue(capex, capexSource)));
    }

    /** The quarter with its capex restated by {@code delta}, from the same source. */
    public static FiscalQuarterFundamentals withCapexRestated(FiscalQuarterFundamentals q, long delta) {
        Map<FundamentalMetric, QuarterValue> values = new java.util.EnumMap<>(q.values());
        QuarterValue capex = values.get(FundamentalMetric.CAPEX);
        values.put(FundamentalMetric.CAPEX, new QuarterValue(capex.value() + delta, capex.provenance()));
        return new FiscalQuarterFundamentals(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), values);
    }

    /** A snapshot whose changes are every value it carries, as on a company's first publication. */
    public static FundamentalsSnapshot snapshot(long revision, List<FiscalQuarterFundamentals> quarters) {
        List<QuarterChange> changes = quarters.stream().flatMap(q -> q.values().entrySet().stream()
                .map(v -> new QuarterChange(q.fiscalYear(), q.fiscalQuarter(), q.periodEnd(), v.getKey(), v.getValue().value(),
                        v.getValue().provenance().filing()))).toList();
        return new FundamentalsSnapshot(FundamentalsSnapshot.SCHEMA_VERSION, CIK, "GOOGL", "ALPHABET INC.", revision,
                Instant.parse("2026-05-01T00:00:00Z"), quarters, changes);
    }

    /** The same as {@link #snapshot}, for a test company of its own. */
    public static FundamentalsSnapshot snapshotAs(long cik, String ticker, long revision, List<FiscalQuarterFundamentals> quarters) {
        FundamentalsSnapshot snapshot = snapshot(revision, quarters);
        return new FundamentalsSnapshot(snapshot.schemaVersion(), cik, ticker, ticker + " TEST CO", revision,
                snapshot.publishedAt(), quarters, snapshot.changes());
    }
}

package io.capexwatch.tracker;

import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.MeasureInput;
import io.capexwatch.contracts.messages.QuarterValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon's four quarters to 2025-09-30 from samples/companyfacts (OCF and purchases of property and
 * equipment, USD millions: 45,636 / 27,834, 17,015 / 25,019, 32,515 / 32,183, 35,525 / 35,095), with the
 * company-defined measures earnings-ingest publishes once the Q3 2025 10-Q's own XBRL is in: TTM FCF as
 * Amazon defines it $14,788M (130,691 − 120,131 + 4,228), capex net of proceeds $115,903M.
 */
public final class AmazonQuarters {
    public static final long M = 1_000_000L;
    public static final String Q3_2025 = "0001018724-25-000123";
    private static final Object[][] QUARTERS = {
            {"2024-12-31", 45_636, 27_834, "0001018724-25-000004", "10-K", "2025-02-07"},
            {"2025-03-31", 17_015, 25_019, "0001018724-25-000036", "10-Q", "2025-05-02"},
            {"2025-06-30", 32_515, 32_183, "0001018724-25-000086", "10-Q", "2025-08-01"},
            {"2025-09-30", 35_525, 35_095, Q3_2025, "10-Q", "2025-10-31"},
    };

    private AmazonQuarters() {
    }

    /** @param commitments extra COMMITMENT measures for the last quarter */
    public static List<FiscalQuarterFundamentals> quarters(List<CompanyMeasure> commitments) {
        List<FiscalQuarterFundamentals> quarters = new ArrayList<>();
        for (Object[] row : QUARTERS) {
            LocalDate end = LocalDate.parse((String) row[0]);
            Filing filing = new Filing((String) row[3], (String) row[4], LocalDate.parse((String) row[5]));
            FiscalQuarterFundamentals q = AlphabetQuarters.quarter(end, ((Integer) row[1]) * M, ((Integer) row[2]) * M, filing);
            List<CompanyMeasure> measures = new ArrayList<>();
            if (end.toString().equals("2025-09-30")) {
                measures.add(capex());
                measures.add(fcf());
                measures.addAll(commitments);
            }
            quarters.add(new FiscalQuarterFundamentals(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), end,
                    new EnumMap<>(q.values()), measures));
        }
        return quarters;
    }

    public static FiscalQuarterFundamentals withRpo(FiscalQuarterFundamentals q, long rpo) {
        Map<FundamentalMetric, QuarterValue> values = new EnumMap<>(q.values());
        values.put(FundamentalMetric.REMAINING_PERFORMANCE_OBLIGATIONS, new QuarterValue(rpo,
                new io.capexwatch.contracts.messages.Provenance("RevenueRemainingPerformanceObligation",
                        q.values().get(FundamentalMetric.OPERATING_CASH_FLOW).provenance().filing(), "reported", List.of(), List.of())));
        return new FiscalQuarterFundamentals(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), values,
                q.companyMeasures());
    }

    private static final Filing TEN_Q = new Filing(Q3_2025, "10-Q", LocalDate.parse("2025-10-31"));
    private static final String SOURCE = "Amazon.com Q3 2025 earnings release (8-K Exhibit 99.1, 2025-10-30), 'Free Cash Flow' reconciliation";

    public static CompanyMeasure fcf() {
        return new CompanyMeasure("fcf", "FCF", "Free cash flow", SOURCE, CompanyMeasure.UNAVAILABLE,
                "no fact for Proceeds from property and equipment sales and incentives", null, 14_788 * M,
                CompanyMeasure.EXACT, null, "Free cash flow 2025-07-01 to 2025-09-30: unavailable",
                "twelve months as filed: Free cash flow 2024-10-01 to 2025-09-30: 130,691,000,000 − 120,131,000,000 + 4,228,000,000 = 14,788,000,000",
                List.of(input("Net cash provided by (used in) operating activities", 1,
                                "us-gaap:NetCashProvidedByUsedInOperatingActivities", 130_691 * M),
                        input("Purchases of property and equipment", -1, "us-gaap:PaymentsToAcquireProductiveAssets", 120_131 * M),
                        input("Proceeds from property and equipment sales and incentives", 1,
                                "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives", 4_228 * M)));
    }

    public static CompanyMeasure capex() {
        return new CompanyMeasure("capex", "CAPEX", "Purchases of property and equipment, net of proceeds from sales and incentives",
                SOURCE, CompanyMeasure.UNAVAILABLE, "no fact", null, 115_903 * M, CompanyMeasure.EXACT, null, null,
                "twelve months as filed: 120,131,000,000 − 4,228,000,000 = 115,903,000,000", List.of());
    }

    public static CompanyMeasure commitment(String id, String name, Long value, String status) {
        return new CompanyMeasure(id, "COMMITMENT", name, "test", status, value == null ? "no fact" : null, value, null, null,
                null, name + " at 2025-09-30", null, List.of());
    }

    public static CompanyMeasure part(String id, String name, long value, String partOf) {
        return new CompanyMeasure(id, "COMMITMENT", name, "test", CompanyMeasure.EXACT, null, value, null, null,
                null, name + " at 2025-09-30", null, List.of(), partOf);
    }

    /** The quarters with the measures named in {@code notes} carrying those definitions' notes. */
    public static List<FiscalQuarterFundamentals> withNotes(List<FiscalQuarterFundamentals> quarters, Map<String, String> notes) {
        return quarters.stream().map(q -> new FiscalQuarterFundamentals(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(),
                q.periodEnd(), q.values(), q.companyMeasures().stream().map(m -> !notes.containsKey(m.id()) ? m
                : new CompanyMeasure(m.id(), m.kind(), m.name(), m.source(), m.status(), m.reason(), m.value(), m.ttmValue(),
                        m.ttmStatus(), m.ttmReason(), m.derivation(), m.ttmDerivation(), m.inputs(), m.partOf(),
                        notes.get(m.id()))).toList())).toList();
    }

    private static MeasureInput input(String label, int sign, String concept, long value) {
        return new MeasureInput(label, sign, concept, "", LocalDate.parse("2024-10-01"), LocalDate.parse("2025-09-30"), value, TEN_Q);
    }
}

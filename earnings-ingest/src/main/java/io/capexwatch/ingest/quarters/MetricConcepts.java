package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.capexwatch.contracts.messages.FundamentalMetric.*;

/**
 * The us-gaap concepts that may carry each metric, in order of preference when a company used several
 * equally recently. Which one is used for a period is decided per period by {@link QuarterDeriver}: the
 * concept the company used most recently that has data for that period.
 */
public final class MetricConcepts {
    private static final Map<FundamentalMetric, List<String>> CANDIDATES = new EnumMap<>(FundamentalMetric.class);

    static {
        CANDIDATES.put(REVENUE, List.of("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax",
                "RevenueFromContractWithCustomerIncludingAssessedTax", "SalesRevenueNet"));
        CANDIDATES.put(OPERATING_CASH_FLOW, List.of("NetCashProvidedByUsedInOperatingActivities",
                "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"));
        CANDIDATES.put(CAPEX, List.of("PaymentsToAcquirePropertyPlantAndEquipment", "PaymentsToAcquireProductiveAssets"));
        CANDIDATES.put(PROCEEDS_FROM_PROPERTY_SALES, List.of("ProceedsFromSaleOfPropertyPlantAndEquipment",
                "ProceedsFromSaleOfProductiveAssets"));
        CANDIDATES.put(FINANCE_LEASE_PRINCIPAL_PAYMENTS, List.of("FinanceLeasePrincipalPayments",
                "RepaymentsOfLongTermCapitalLeaseObligations"));
        CANDIDATES.put(DEPRECIATION_AND_AMORTIZATION, List.of("DepreciationDepletionAndAmortization",
                "DepreciationAndAmortization", "DepreciationAmortizationAndAccretionNet", "Depreciation"));
        CANDIDATES.put(NET_INCOME, List.of("NetIncomeLoss", "ProfitLoss"));
        CANDIDATES.put(SHARE_BUYBACKS, List.of("PaymentsForRepurchaseOfCommonStock", "PaymentsForRepurchaseOfEquity"));
        CANDIDATES.put(DIVIDENDS, List.of("PaymentsOfDividendsCommonStock", "PaymentsOfDividends"));
        CANDIDATES.put(DEBT_ISSUED, List.of("ProceedsFromIssuanceOfLongTermDebt", "ProceedsFromDebtNetOfIssuanceCosts",
                "ProceedsFromIssuanceOfDebt", "ProceedsFromIssuanceOfSeniorLongTermDebt"));
        CANDIDATES.put(DEBT_REPAID, List.of("RepaymentsOfLongTermDebt", "RepaymentsOfDebt",
                "RepaymentsOfSeniorDebt"));
        CANDIDATES.put(REMAINING_PERFORMANCE_OBLIGATIONS, List.of("RevenueRemainingPerformanceObligation"));
        CANDIDATES.put(CASH_AND_MARKETABLE_SECURITIES, List.of("CashCashEquivalentsAndShortTermInvestments",
                "CashCashEquivalentsAndMarketableSecurities"));
    }

    /** Amounts reported as positive numbers that cannot be negative for a quarter: a negative one means something is off. */
    private static final Set<FundamentalMetric> NEVER_NEGATIVE = EnumSet.of(REVENUE, CAPEX, PROCEEDS_FROM_PROPERTY_SALES,
            FINANCE_LEASE_PRINCIPAL_PAYMENTS, DEPRECIATION_AND_AMORTIZATION, SHARE_BUYBACKS, DIVIDENDS, DEBT_ISSUED,
            DEBT_REPAID, REMAINING_PERFORMANCE_OBLIGATIONS, CASH_AND_MARKETABLE_SECURITIES);

    private MetricConcepts() {
    }

    public static List<String> candidates(FundamentalMetric metric) {
        return CANDIDATES.getOrDefault(metric, List.of());
    }

    public static boolean neverNegative(FundamentalMetric metric) {
        return NEVER_NEGATIVE.contains(metric);
    }

    public static Set<String> allConcepts() {
        return CANDIDATES.values().stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    }

    public static List<FundamentalMetric> metrics() {
        return List.copyOf(CANDIDATES.keySet());
    }
}

package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The us-gaap concepts that may carry each metric, in order of preference when a company used several
 * equally recently. Which one is used for a period is decided per period by {@link QuarterDeriver}.
 */
public final class MetricConcepts {
    private static final Map<FundamentalMetric, List<String>> CANDIDATES = new EnumMap<>(Map.of(
            FundamentalMetric.OPERATING_CASH_FLOW, List.of(
                    "NetCashProvidedByUsedInOperatingActivities",
                    "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"),
            FundamentalMetric.CAPEX, List.of(
                    "PaymentsToAcquirePropertyPlantAndEquipment",
                    "PaymentsToAcquireProductiveAssets")));

    /** Metrics that are outflows reported as positive numbers: a negative quarter means something is off. */
    private static final Set<FundamentalMetric> NEVER_NEGATIVE = Set.of(FundamentalMetric.CAPEX);

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
        return Arrays.stream(FundamentalMetric.values()).filter(CANDIDATES::containsKey).toList();
    }
}

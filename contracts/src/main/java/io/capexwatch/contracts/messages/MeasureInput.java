package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/**
 * One fact a company-defined measure used.
 *
 * @param concept    with its prefix, e.g. "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"
 * @param dimensions "axis=member;...", empty for a fact without dimensions
 * @param sign       +1 added, -1 subtracted
 * @param start      null for an instant
 * @param value      whole USD, as filed
 */
@RegisterForReflection
public record MeasureInput(String label, int sign, String concept, String dimensions, LocalDate start, LocalDate end,
                           long value, Filing filing) {
}

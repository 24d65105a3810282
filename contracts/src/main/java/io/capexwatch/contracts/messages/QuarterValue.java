package io.capexwatch.contracts.messages;

/** A figure for one fiscal quarter, in whole USD, with its provenance. */
public record QuarterValue(long value, Provenance provenance) {
}

package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A figure for one fiscal quarter, in whole USD, with its provenance. */
@RegisterForReflection
public record QuarterValue(long value, Provenance provenance) {
}

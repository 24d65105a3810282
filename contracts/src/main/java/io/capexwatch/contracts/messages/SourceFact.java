package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/** One as-filed XBRL fact a derived figure was computed from. */
@RegisterForReflection
public record SourceFact(LocalDate start, LocalDate end, long value, Filing filing) {
}

package io.capexwatch.contracts.messages;

import java.time.LocalDate;

/** One as-filed XBRL fact a derived figure was computed from. */
public record SourceFact(LocalDate start, LocalDate end, long value, Filing filing) {
}

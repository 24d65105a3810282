package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/** An SEC filing: accession number (e.g. 0001652044-25-000091), form (10-Q, 10-K, 10-Q/A ...) and date filed. */
@RegisterForReflection
public record Filing(String accession, String form, LocalDate filed) {
}

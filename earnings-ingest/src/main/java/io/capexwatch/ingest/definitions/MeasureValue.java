package io.capexwatch.ingest.definitions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A company-defined measure for one period, with how it was worked out.
 *
 * @param value      null when {@code status} is UNAVAILABLE
 * @param reason     why it is approximate, or which terms had no fact; null when exact
 * @param inputs     the facts used, one per term, in the definition's order
 * @param derivation the arithmetic in words, with concepts and accessions
 */
public record MeasureValue(MeasureDefinition definition, LocalDate start, LocalDate end, Status status,
                           BigDecimal value, String reason, List<Input> inputs, String derivation) {

    public enum Status { EXACT, APPROXIMATE, UNAVAILABLE }

    public MeasureValue {
        inputs = List.copyOf(inputs);
    }

    /** One term's fact: the concept (with prefix) and dimensions that carried it, and the filing it came from. */
    public record Input(String label, int sign, String concept, Map<String, String> members, BigDecimal value,
                        String accession, String form, LocalDate filed, LocalDate start, LocalDate end) {
        public Input {
            members = Map.copyOf(members);
        }
    }
}

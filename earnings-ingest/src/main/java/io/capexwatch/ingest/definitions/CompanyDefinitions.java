package io.capexwatch.ingest.definitions;

import java.util.List;
import java.util.Optional;

/** One company's definitions file: its company-defined measures, versioned with the code. */
public record CompanyDefinitions(String company, int version, List<MeasureDefinition> measures) {
    public CompanyDefinitions {
        measures = List.copyOf(measures);
    }

    public Optional<MeasureDefinition> measure(String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<MeasureDefinition> ofKind(MeasureKind kind) {
        return measures.stream().filter(m -> m.kind() == kind).toList();
    }
}

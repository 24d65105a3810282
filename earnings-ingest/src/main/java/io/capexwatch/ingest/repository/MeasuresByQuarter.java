package io.capexwatch.ingest.repository;

import io.capexwatch.contracts.messages.CompanyMeasure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A company's own measures per quarter end, as stored on its row (JSON). */
public record MeasuresByQuarter(List<Quarter> quarters) {
    public record Quarter(LocalDate periodEnd, List<CompanyMeasure> measures) {
    }

    public MeasuresByQuarter {
        quarters = quarters == null ? List.of() : List.copyOf(quarters);
    }

    public static MeasuresByQuarter of(Map<LocalDate, List<CompanyMeasure>> byEnd) {
        return new MeasuresByQuarter(new TreeMap<>(byEnd).entrySet().stream()
                .map(e -> new Quarter(e.getKey(), e.getValue())).toList());
    }

    public Map<LocalDate, List<CompanyMeasure>> byEnd() {
        Map<LocalDate, List<CompanyMeasure>> map = new TreeMap<>();
        quarters.forEach(q -> map.put(q.periodEnd(), q.measures()));
        return map;
    }
}

package io.capexwatch.ingest.quarters;

import io.capexwatch.ingest.edgar.XbrlFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds as-filed facts for tests, the way a companyfacts document lists them. */
final class Facts {
    private final List<XbrlFact> facts = new ArrayList<>();

    Facts add(String concept, String start, String end, long value, String accession, String form, String filed) {
        facts.add(new XbrlFact(concept, "USD", LocalDate.parse(start), LocalDate.parse(end), BigDecimal.valueOf(value),
                accession, Integer.parseInt(filed.substring(0, 4)), form.startsWith("10-K") ? "FY" : "Q", form,
                LocalDate.parse(filed)));
        return this;
    }

    List<XbrlFact> all() {
        return facts;
    }

    Map<String, List<XbrlFact>> byConcept() {
        return facts.stream().collect(Collectors.groupingBy(XbrlFact::concept));
    }
}

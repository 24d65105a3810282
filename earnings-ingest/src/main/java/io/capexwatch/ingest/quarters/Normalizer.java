package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.XbrlFact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A companyfacts document to the discrete quarters of every metric capex-watch tracks. */
public final class Normalizer {
    private Normalizer() {
    }

    public static List<DerivedValue> normalize(CompanyFacts facts) {
        return normalize(facts.factsByConcept().values().stream().flatMap(List::stream).toList());
    }

    /**
     * @param facts as-filed facts in any order, possibly from several documents; dimension-tagged facts (a
     *              segment's revenue, a lease class) are not the company's totals and are left out
     */
    public static List<DerivedValue> normalize(Collection<XbrlFact> all) {
        List<XbrlFact> facts = all.stream().filter(fact -> !fact.hasDimensions()).toList();
        Map<String, List<XbrlFact>> byConcept = facts.stream().collect(Collectors.groupingBy(XbrlFact::concept));
        FiscalCalendar calendar = FiscalCalendar.from(facts);
        List<DerivedValue> values = new ArrayList<>();
        for (FundamentalMetric metric : MetricConcepts.metrics()) {
            values.addAll(QuarterDeriver.derive(metric, byConcept, calendar));
        }
        return values;
    }
}

package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.XbrlFact;

import java.util.ArrayList;
import java.util.List;

/** A companyfacts document to the discrete quarters of every metric capex-watch tracks. */
public final class Normalizer {
    private Normalizer() {
    }

    public static List<DerivedValue> normalize(CompanyFacts facts) {
        List<XbrlFact> all = facts.factsByConcept().values().stream().flatMap(List::stream).toList();
        FiscalCalendar calendar = FiscalCalendar.from(all);
        List<DerivedValue> values = new ArrayList<>();
        for (FundamentalMetric metric : MetricConcepts.metrics()) {
            values.addAll(QuarterDeriver.derive(metric, facts.factsByConcept(), calendar));
        }
        return values;
    }
}

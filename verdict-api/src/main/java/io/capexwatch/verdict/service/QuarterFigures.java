package io.capexwatch.verdict.service;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A quarter's headline figures as a verdict carries them for charts; the full provenance lives in capex-tracker. */
@RegisterForReflection
public record QuarterFigures(int fiscalYear, int fiscalQuarter, LocalDate periodEnd, Long ocf, Long capex, Long fcf,
                             BigDecimal capexToOcf, Long ttmOcf, Long ttmCapex, Long ttmFcf, BigDecimal ttmCapexToOcf,
                             String accession) {

    static QuarterFigures of(QuarterMetrics m) {
        return new QuarterFigures(m.fiscalYear(), m.fiscalQuarter(), m.periodEnd(), m.ocf(), m.capex(), m.fcf(),
                m.capexToOcf(), m.ttmOcf(), m.ttmCapex(), m.ttmFcf(), m.ttmCapexToOcf(),
                m.latestFiling() == null ? null : m.latestFiling().accession());
    }
}

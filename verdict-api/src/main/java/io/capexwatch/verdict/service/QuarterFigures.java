package io.capexwatch.verdict.service;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A quarter's headline figures as a verdict carries them for charts; the full provenance lives in capex-tracker. */
@RegisterForReflection
public record QuarterFigures(int fiscalYear, int fiscalQuarter, LocalDate periodEnd, Long ocf, Long capex, Long fcf,
                             BigDecimal capexToOcf, Long ttmOcf, Long ttmCapex, Long ttmFcf, BigDecimal ttmCapexToOcf,
                             String accession, CompanyFigures companyDefined) {

    /**
     * The company's own TTM FCF (with its definition's name, source, note and basis) and its off-balance-sheet
     * commitments (each with its definition's note) against TTM OCF, for the board's details; null where
     * capex-tracker sent none.
     */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record CompanyFigures(Long ttmFcf, String ttmFcfBasis, String fcfDefinition, String fcfSource,
                                 String ttmFcfDerivation, Long offBalanceSheetCommitments, BigDecimal offBalanceSheetToTtmOcf,
                                 List<CompanyDefinedMetrics.Commitment> commitments, String fcfNote) {
        static CompanyFigures of(CompanyDefinedMetrics c) {
            if (c == null) {
                return null;
            }
            CompanyDefinedMetrics.Measure fcf = c.fcf();
            return new CompanyFigures(fcf == null ? null : fcf.ttm(), fcf == null ? null : fcf.ttmStatus(),
                    fcf == null ? null : fcf.definition(), fcf == null ? null : fcf.source(),
                    fcf == null ? null : fcf.ttmDerivation() != null ? fcf.ttmDerivation() : fcf.reason(),
                    c.offBalanceSheetCommitments(), c.offBalanceSheetToTtmOcf(), c.commitments(),
                    fcf == null ? null : fcf.note());
        }
    }

    public QuarterFigures(int fiscalYear, int fiscalQuarter, LocalDate periodEnd, Long ocf, Long capex, Long fcf,
                          BigDecimal capexToOcf, Long ttmOcf, Long ttmCapex, Long ttmFcf, BigDecimal ttmCapexToOcf,
                          String accession) {
        this(fiscalYear, fiscalQuarter, periodEnd, ocf, capex, fcf, capexToOcf, ttmOcf, ttmCapex, ttmFcf, ttmCapexToOcf,
                accession, null);
    }

    static QuarterFigures of(QuarterMetrics m) {
        return new QuarterFigures(m.fiscalYear(), m.fiscalQuarter(), m.periodEnd(), m.ocf(), m.capex(), m.fcf(),
                m.capexToOcf(), m.ttmOcf(), m.ttmCapex(), m.ttmFcf(), m.ttmCapexToOcf(),
                m.latestFiling() == null ? null : m.latestFiling().accession(), CompanyFigures.of(m.companyDefined()));
    }
}

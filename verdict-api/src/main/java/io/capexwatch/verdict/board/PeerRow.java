package io.capexwatch.verdict.board;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One company's fiscal quarter placed in a calendar quarter. Money in whole USD; ratios and growth to four
 * decimals, null where an input is missing or the divisor is zero or negative. Each figure's filing on EDGAR:
 * capex and OCF where each was read from, the rest (computed from several) the quarter's latest filing.
 *
 * @param fiscalLabel       the company's own label, e.g. FY2026 Q1 for Microsoft's quarter to 2025-09-30
 * @param fcfMargin         the quarter's FCF / revenue
 * @param ttmCompanyFcf     FCF as the company defines it, TTM: its exact definition, else capex net of proceeds
 * @param daGrowth          D&A against the same fiscal quarter a year earlier
 */
@RegisterForReflection
public record PeerRow(String ticker, long cik, String entityName, String calendarQuarter, String fiscalLabel,
                      int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                      Long capex, Long ocf, Long fcf, BigDecimal capexToOcf, BigDecimal fcfMargin, BigDecimal daGrowth,
                      Long ttmCapex, Long ttmOcf, Long ttmFcf, Long ttmCompanyFcf,
                      String capexFilingUrl, String ocfFilingUrl, String filingUrl, String filingAccession) {
}

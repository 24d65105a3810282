package io.capexwatch.ingest.quarters;

import java.time.LocalDate;

/**
 * One discrete fiscal quarter, recognised from the dates of the company's own filings.
 *
 * @param fiscalYearStart the first day of the fiscal year the quarter belongs to; year-to-date facts start here
 * @param previousEnd     the end of the quarter before it in the same fiscal year; null for Q1
 */
public record FiscalQuarter(int fiscalYear, int quarter, LocalDate fiscalYearStart, LocalDate start, LocalDate end,
                            LocalDate previousEnd) {
}

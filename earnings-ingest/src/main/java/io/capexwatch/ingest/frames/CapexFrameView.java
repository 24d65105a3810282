package io.capexwatch.ingest.frames;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The capex of all US filers in one calendar period, from the SEC frames, and the watched companies' share.
 *
 * @param concepts    the capex concepts read, in order of preference; a filer counts once, with the first it reports
 * @param filers      filers in the frames with capex for the period
 * @param totalUsd    their capex, exact
 * @param watchedUsd  the watched companies' capex in the same frames
 * @param share       watchedUsd / totalUsd to four decimals
 * @param asOf        when the frames were fetched from EDGAR (they grow as filings arrive)
 * @param latestEnd   the latest period end among the filers' facts
 */
@RegisterForReflection
public record CapexFrameView(String period, String coverage, List<String> concepts, int filers, BigDecimal totalUsd,
                             BigDecimal watchedUsd, BigDecimal share, List<WatchedFact> watched, List<String> watchedMissing,
                             Instant asOf, LocalDate latestEnd) {

    @RegisterForReflection
    public record WatchedFact(String ticker, long cik, String entityName, String concept, LocalDate start, LocalDate end,
                              BigDecimal val, String accn, String filingUrl) {
    }
}

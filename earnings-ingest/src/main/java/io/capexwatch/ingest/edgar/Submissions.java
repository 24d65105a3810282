package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an EDGAR submissions document (data.sec.gov/submissions/CIK##########.json) that says
 * what a company filed lately: {@code filings.recent}, column-oriented as EDGAR serves it.
 */
public record Submissions(long cik, String name, List<Filing> filings) {
    private static final Set<String> PERIODIC = Set.of("10-Q", "10-K", "10-Q/A", "10-K/A");

    /**
     * One filing; {@code items} lists 8-K items, e.g. "2.02,9.01"; {@code primaryDocument} the main document's
     * file name in the filing's archive folder (for a 10-Q with XBRL, its inline XBRL), empty where not listed.
     */
    public record Filing(String accession, String form, LocalDate filed, String acceptedAt, String items, boolean xbrl,
                         String primaryDocument) {
        public Filing(String accession, String form, LocalDate filed, String acceptedAt, String items, boolean xbrl) {
            this(accession, form, filed, acceptedAt, items, xbrl, "");
        }

        public boolean periodicReport() {
            return PERIODIC.contains(form) && xbrl;
        }

        /** An 8-K with item 2.02, "Results of Operations and Financial Condition": the earnings release. */
        public boolean resultsRelease() {
            return "8-K".equals(form) && items != null && List.of(items.split(",")).contains("2.02");
        }
    }

    public static Submissions parse(ObjectMapper mapper, byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidCompanyFactsException("submissions document is not valid JSON: " + e.getMessage(), List.of());
        }
        JsonNode recent = root.path("filings").path("recent");
        JsonNode accessions = recent.path("accessionNumber");
        if (!root.path("cik").canConvertToLong() && !root.path("cik").asText().matches("\\d+") || !accessions.isArray()) {
            throw new InvalidCompanyFactsException("not a submissions document: needs cik and filings.recent", List.of());
        }
        List<Filing> filings = new ArrayList<>(accessions.size());
        for (int i = 0; i < accessions.size(); i++) {
            filings.add(new Filing(accessions.get(i).asText(), recent.path("form").path(i).asText(),
                    LocalDate.parse(recent.path("filingDate").path(i).asText()),
                    recent.path("acceptanceDateTime").path(i).asText(""),
                    recent.path("items").path(i).asText(""), recent.path("isXBRL").path(i).asInt() == 1,
                    recent.path("primaryDocument").path(i).asText("")));
        }
        return new Submissions(root.path("cik").asLong(), root.path("name").asText(), filings);
    }

    private static final Comparator<Filing> NEWEST = Comparator.comparing(Filing::filed).thenComparing(Filing::acceptedAt);

    /** The latest 10-Q, 10-K or amendment with XBRL financials. */
    public Optional<Filing> latestPeriodicReport() {
        return filings.stream().filter(Filing::periodicReport).max(NEWEST);
    }

    /** The latest {@code count} 10-Qs, 10-Ks and amendments with XBRL financials, newest first. */
    public List<Filing> latestPeriodicReports(int count) {
        return filings.stream().filter(Filing::periodicReport).sorted(NEWEST.reversed()).limit(Math.max(0, count)).toList();
    }

    /** The latest earnings release (8-K item 2.02). */
    public Optional<Filing> latestResultsRelease() {
        return filings.stream().filter(Filing::resultsRelease).max(NEWEST);
    }

    /** An earnings release newer than the latest periodic report: results are out, the 10-Q/10-K is not. */
    public Optional<Filing> resultsAwaitingFiling() {
        Optional<Filing> release = latestResultsRelease();
        Optional<Filing> report = latestPeriodicReport();
        return release.filter(r -> report.isEmpty() || NEWEST.compare(r, report.get()) > 0);
    }
}

package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.ingest.SharedEdgarFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading real EDGAR submissions documents (../shared/edgar). */
class SubmissionsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void nvidiasLatestReportIsTheFiscal2026TenKFiledAfterItsEarningsRelease() throws IOException {
        Submissions nvda = Submissions.parse(mapper, Files.readAllBytes(SharedEdgarFiles.require("submissions_CIK0001045810.json")));
        assertEquals(1045810, nvda.cik());
        Submissions.Filing report = nvda.latestPeriodicReport().orElseThrow();
        assertEquals("0001045810-26-000021", report.accession());
        assertEquals("10-K", report.form());
        assertEquals(LocalDate.parse("2026-02-25"), report.filed());
        Submissions.Filing release = nvda.latestResultsRelease().orElseThrow();
        assertEquals("0001045810-26-000019", release.accession());
        assertTrue(nvda.resultsAwaitingFiling().isEmpty(), "the 10-K came 11 minutes after the 8-K");
    }

    @Test
    void microsoftsLatestReportIsTheTenQForTheQuarterEndedDecember2025() throws IOException {
        Submissions msft = Submissions.parse(mapper, Files.readAllBytes(SharedEdgarFiles.require("submissions_CIK0000789019.json")));
        Submissions.Filing report = msft.latestPeriodicReport().orElseThrow();
        assertEquals("10-Q", report.form());
        assertEquals(LocalDate.parse("2026-01-28"), report.filed());
    }

    @Test
    void microsoftsLatestEightReportsAreTwoFiscalYearsOfTenQsAndTenKsNewestFirst() throws IOException {
        Submissions msft = Submissions.parse(mapper, Files.readAllBytes(SharedEdgarFiles.require("submissions_CIK0000789019.json")));
        assertEquals(List.of("0001193125-26-027207 10-Q msft-20251231.htm", "0001193125-25-256321 10-Q msft-20250930.htm",
                        "0000950170-25-100235 10-K msft-20250630.htm", "0000950170-25-061046 10-Q msft-20250331.htm",
                        "0000950170-25-010491 10-Q msft-20241231.htm", "0000950170-24-118967 10-Q msft-20240930.htm",
                        "0000950170-24-087843 10-K msft-20240630.htm", "0000950170-24-048288 10-Q msft-20240331.htm"),
                msft.latestPeriodicReports(8).stream().map(f -> f.accession() + " " + f.form() + " " + f.primaryDocument()).toList());
        assertEquals(List.of(), msft.latestPeriodicReports(0));
    }

    @Test
    void aDocumentWithoutFilingsIsRejected() {
        assertThrows(InvalidCompanyFactsException.class, () -> Submissions.parse(mapper, "{\"cik\": 1}".getBytes()));
        assertThrows(InvalidCompanyFactsException.class, () -> Submissions.parse(mapper, "{\"cik\": ".getBytes()));
    }
}

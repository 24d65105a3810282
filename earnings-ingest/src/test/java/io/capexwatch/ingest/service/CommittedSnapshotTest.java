package io.capexwatch.ingest.service;

import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.contracts.messages.QuarterChange;
import io.capexwatch.ingest.Samples;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.QuarterValueRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The snapshot an import hands to the outbox is the one the outbox would have read back after the commit
 * (the sweep still reads it back): quarters and the values changed since the last publication.
 */
@QuarkusTest
class CommittedSnapshotTest {
    private static final long CIK = 9_900_033L;
    private static final String TICKER = "SNAPONE";

    @Inject
    ImportService imports;

    @Inject
    CompanyRepository companies;

    @Inject
    QuarterValueRepository quarterValues;

    @Inject
    Definitions definitions;

    @Test
    void theImportedSnapshotIsWhatTheOutboxWouldReadBack() throws Throwable {
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"" + TICKER + "\", \"cik\": " + CIK + "}")
                .post("/api/companies").then().statusCode(201);
        try {
            asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFactsAs(CIK)).post("/api/imports")
                    .then().statusCode(200).body("revision", is(1));
            awaitPublished(1);

            ImportResult restated = store(capexRestatement("0001652044-25-900021", 63_650_000_000L));
            assertEquals(2, restated.revision());
            FundamentalsSnapshot handed = restated.unpublished();
            FundamentalsSnapshot read = readBack(1);
            assertEquals(new FundamentalsSnapshot(read.schemaVersion(), read.cik(), read.ticker(), read.entityName(),
                    read.revision(), handed.publishedAt(), read.quarters(), read.changes()), handed);
            assertEquals(read.quarters(), handed.quarters());
            assertEquals(2, handed.revision());
            assertEquals(13, handed.quarters().size());
            // Q3 2025 from the restated nine months, and Q4 through FY - 9M.
            assertEquals(2, handed.changes().size());
            assertEquals(List.of(24_007_000_000L, 27_797_000_000L), handed.changes().stream().map(QuarterChange::value).toList());

            // Published (by the sweep, as nothing else publishes it here), the same document again changes
            // nothing: no snapshot is handed over.
            awaitPublished(2);
            ImportResult again = store(capexRestatement("0001652044-25-900021", 63_650_000_000L));
            assertEquals(2, again.revision());
            assertNull(again.unpublished());
        } finally {
            asAdmin().delete("/api/companies/" + TICKER).then().statusCode(204);
        }
    }

    private ImportResult store(byte[] document) throws Throwable {
        CompanyFactsParser parser = new CompanyFactsParser(definitions.companyFactsConcepts());
        return VertxContextSupport.subscribeAndAwait(() -> imports.store(parser.parse(new ByteArrayInputStream(document))));
    }

    /**
     * The company and its rows as committed, as the outbox builds them, with the changes counted from
     * {@code publishedRevision}: a sweep may have published revision 2 meanwhile.
     */
    private FundamentalsSnapshot readBack(long publishedRevision) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> companies.findById(CIK)
                .chain(company -> quarterValues.listForCompany(CIK).map(rows -> new FundamentalsSnapshot(
                        FundamentalsSnapshot.SCHEMA_VERSION, company.cik, company.ticker, company.entityName, company.revision,
                        Instant.EPOCH, QuarterValues.toQuarters(rows, company.companyMeasures),
                        QuarterValues.changesSince(rows, publishedRevision))))));
    }

    private static void awaitPublished(int revision) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/companies").then()
                .body("find { it.ticker == '" + TICKER + "' }.publishedRevision", is(revision)));
    }

    /** A 10-Q/A restating the nine months' capex to 2025-09-30 (so Q3 and, through FY - 9M, Q4 change). */
    private static byte[] capexRestatement(String accession, long nineMonths) {
        return """
                {"cik": %d, "entityName": "ALPHABET INC.", "facts": {"us-gaap": {
                  "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
                    {"start": "2025-01-01", "end": "2025-09-30", "val": %d, "accn": "%s",
                     "fy": 2025, "fp": "Q3", "form": "10-Q/A", "filed": "2025-12-03"}]}}}}}
                """.formatted(CIK, nineMonths, accession).getBytes(StandardCharsets.UTF_8);
    }
}

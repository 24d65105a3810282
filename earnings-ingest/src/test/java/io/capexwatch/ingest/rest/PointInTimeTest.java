package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Samples;
import io.capexwatch.ingest.repository.FiledFactRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An amendment restates a quarter: the current view takes the latest filed value, every as-filed value is
 * kept, and the quarters can be asked for as known on an earlier day. The 10-Q/A here is made up for the
 * test (Alphabet filed no such amendment): its 9-month capex is $4M above the original 10-Q's.
 */
@QuarkusTest
class PointInTimeTest {
    private static final String AMENDMENT = "0001652044-25-900001";
    private static final String Q3 = "find { it.periodEnd == '2025-09-30' }.values.CAPEX";
    private static final String Q4 = "find { it.periodEnd == '2025-12-31' }.values.CAPEX";

    @Inject
    FiledFactRepository filedFacts;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void importOriginals() {
        asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFacts()).post("/api/imports").then().statusCode(200);
    }

    @AfterEach
    void removeTheAmendment() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> filedFacts.delete("accession", AMENDMENT)));
        importOriginals(); // derives the quarters again without it
    }

    @Test
    void anAmendmentRestatesTheQuarterAndTheOneAfterItWhileTheOriginalStaysKnown() {
        int revision = asAdmin().contentType(ContentType.JSON).body(amendment())
                .when().post("/api/imports")
                .then().statusCode(200)
                .body("factsAdded", is(1))
                .body("valuesChanged", is(2))
                .extract().path("revision");

        given().get("/api/companies/GOOGL/fundamentals").then().statusCode(200)
                .body(Q3 + ".value", equalTo(23_957_000_000L))
                .body(Q3 + ".provenance.filing.accession", is(AMENDMENT))
                .body(Q3 + ".provenance.filing.form", is("10-Q/A"))
                .body(Q3 + ".provenance.derivation", is("9M-6M"))
                // Q4 = FY - 9M, and the 9-month figure is the restated one.
                .body(Q4 + ".value", equalTo(27_847_000_000L))
                .body(Q4 + ".provenance.derivedFrom[1].filing.accession", is(AMENDMENT));

        // As known before the amendment was filed: the original 10-Q, and no Q4 yet (its 10-K came in 2026).
        given().get("/api/companies/GOOGL/fundamentals?asOf=2025-11-15").then().statusCode(200)
                .body(Q3 + ".value", equalTo(23_953_000_000L))
                .body(Q3 + ".provenance.filing.accession", is("0001652044-25-000091"))
                .body("periodEnd.max()", is("2025-09-30"));
        given().get("/api/companies/GOOGL/fundamentals?asOf=2025-12-31").then()
                .body(Q3 + ".value", equalTo(23_957_000_000L));

        // What goes to capex-tracker says exactly what the amendment changed: Q3 and, through FY - 9M, Q4.
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            JsonPath published = kafka.consumeStrings().fromTopics("capexwatch.fundamentals")
                    .awaitRecords(1, Duration.ofSeconds(20)).getRecords().stream()
                    .filter(r -> r.key().equals("1652044"))
                    .map(r -> JsonPath.from(r.value()))
                    .filter(snapshot -> snapshot.getInt("revision") == revision)
                    .findFirst().orElseThrow();
            assertEquals(List.of("2025-09-30", "2025-12-31"), published.getList("changes.periodEnd"));
            assertEquals(List.of("CAPEX", "CAPEX"), published.getList("changes.metric"));
            assertEquals(List.of(23_957_000_000L, 27_847_000_000L), published.getList("changes.value", Long.class));
            assertEquals(List.of(AMENDMENT, "0001652044-26-000018"), published.getList("changes.filing.accession"));
            assertEquals(13, published.getList("quarters").size());
        }

        // Importing the amendment again changes nothing.
        asAdmin().contentType(ContentType.JSON).body(amendment()).post("/api/imports").then()
                .body("factsAdded", is(0)).body("valuesChanged", is(0)).body("revision", is(revision));
    }

    @Test
    void anInvalidAsOfIsA400Problem() {
        given().get("/api/companies/GOOGL/fundamentals?asOf=31.12.2025").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", is("asOf must be a date as YYYY-MM-DD, not '31.12.2025'"));
    }

    private static String amendment() {
        return """
                {"cik": 1652044, "entityName": "ALPHABET INC.", "facts": {"us-gaap": {
                  "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
                    {"start": "2025-01-01", "end": "2025-09-30", "val": 63600000000, "accn": "%s",
                     "fy": 2025, "fp": "Q3", "form": "10-Q/A", "filed": "2025-12-01"}]}}}}}
                """.formatted(AMENDMENT);
    }
}

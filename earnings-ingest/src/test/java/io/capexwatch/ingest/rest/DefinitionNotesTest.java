package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Each company measure carries its definition's note (definitions/GOOGL.json), in the fundamentals JSON and
 * the published snapshot, so the analyst downstream sees which commitments rest on unverified concept names.
 */
@QuarkusTest
class DefinitionNotesTest {
    private static final String LEASES_NOTE = "Unverified concept names: the two goog: extensions are the amounts"
            + " Alphabet's 10-K presentation linkbase lists under 'Leases - Narrative (Details)' (as extracted on GitHub,"
            + " tiw/read_apple_10k GOOGL_2025); no Alphabet instance is in ../shared/edgar to check them or that together"
            + " they are the total Alphabet states. companyfacts carries no extension concepts, so from companyfacts alone"
            + " this is unavailable.";
    private static final String PURCHASE_NOTE = "Checked against Alphabet's companyfacts (../shared/edgar/CIK0001652044.json):"
            + " reported at each balance-sheet date from 2022-12-31 to 2025-12-31, $7.7B at 2025-09-30 (accession"
            + " 0001652044-25-000091). Whether it overlaps unconditional-purchase-obligations, reported beside it at"
            + " 2025-09-30, cannot be checked against the filing's text here.";
    private static final String Q3 = "find { it.periodEnd == '2025-09-30' }.companyMeasures";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void alphabetsMeasuresCarryTheirDefinitionsNotes() {
        asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFacts()).post("/api/imports").then()
                .statusCode(200).body("ticker", is("GOOGL"));

        given().get("/api/companies/GOOGL/fundamentals").then().statusCode(200)
                .body(Q3 + ".id", equalTo(java.util.List.of("capex", "fcf", "leases-not-yet-commenced",
                        "purchase-obligations", "unconditional-purchase-obligations")))
                .body(Q3 + ".find { it.id == 'leases-not-yet-commenced' }.note", is(LEASES_NOTE))
                .body(Q3 + ".find { it.id == 'leases-not-yet-commenced' }.status", is("UNAVAILABLE"))
                .body(Q3 + ".find { it.id == 'purchase-obligations' }.note", is(PURCHASE_NOTE))
                // a definition without a note: null, beside Alphabet's TTM free cash flow to the dollar
                .body(Q3 + ".find { it.id == 'fcf' }.note", nullValue())
                .body(Q3 + ".find { it.id == 'fcf' }.ttmValue", equalTo(73_552_000_000L))
                .body(Q3 + ".find { it.id == 'fcf' }.ttmStatus", is("EXACT"));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> snapshots = kafka.consumeStrings().fromTopics("capexwatch.fundamentals");
            String leases = "quarters.find { it.periodEnd == '2025-09-30' }.companyMeasures"
                    + ".find { it.id == 'leases-not-yet-commenced' }.note";
            await().atMost(Duration.ofSeconds(20)).until(() -> snapshots.getRecords().stream()
                    .filter(r -> "1652044".equals(r.key()))
                    .reduce((a, b) -> b)
                    .map(r -> LEASES_NOTE.equals(JsonPath.from(r.value()).getString(leases)))
                    .orElse(false));
            snapshots.close();
        }
    }
}

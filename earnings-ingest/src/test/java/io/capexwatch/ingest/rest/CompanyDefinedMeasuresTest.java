package io.capexwatch.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.capexwatch.ingest.Documents;
import io.capexwatch.ingest.Samples;
import io.capexwatch.ingest.XbrlDocuments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Amazon's own measures (definitions/AMZN.json) from its sample companyfacts and our excerpt of its Q3 2025
 * 10-Q instance, on the real watchlist entry AMZN (definitions are per ticker): the TTM free cash flow as
 * Amazon defines it at 2025-09-30 is $14,788,000,000 once the instance brings the proceeds concept, next to
 * the standard $10,560,000,000, and the published snapshot carries it.
 */
@QuarkusTest
class CompanyDefinedMeasuresTest {
    private static final String Q3 = "find { it.periodEnd == '2025-09-30' }";
    private static final String FCF = Q3 + ".companyMeasures.find { it.id == 'fcf' }";
    private static final String CAPEX = Q3 + ".companyMeasures.find { it.id == 'capex' }";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void amazonsFreeCashFlowAsAmazonDefinesItOnceTheFilingsOwnXbrlIsIn() {
        asAdmin().contentType(ContentType.JSON).body(Samples.read("companyfacts/CIK0001018724.json"))
                .post("/api/imports").then().statusCode(200).body("ticker", is("AMZN"));
        given().get("/api/companies/AMZN/fundamentals").then().statusCode(200)
                .body(FCF + ".name", is("Free cash flow"))
                .body(FCF + ".ttmStatus", is("UNAVAILABLE"))
                .body(FCF + ".ttmValue", is((Object) null))
                .body(FCF + ".ttmReason", containsString("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"));
        int before = given().get("/api/companies").then().extract().path("find { it.ticker == 'AMZN' }.revision");

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> snapshots = kafka.consumeStrings().fromTopics("capexwatch.fundamentals");
            asAdmin().contentType("application/xml").body(XbrlDocuments.amazonQ3Excerpt())
                    .post("/api/imports?accession=" + XbrlDocuments.AMAZON_Q3_2025 + "&filed=2025-10-31").then().statusCode(200)
                    // OCF, capex and finance-lease principal agree with companyfacts: no quarter value changes, but
                    // the company's own measures do, and get their own revision.
                    .body("valuesChanged", is(0))
                    .body("companyMeasuresChanged", is(true))
                    .body("revision", is(before + 1));

            given().get("/api/companies/AMZN/fundamentals").then().statusCode(200)
                    .body(Q3 + ".values.OPERATING_CASH_FLOW.value", equalTo(35_525_000_000L))
                    .body(FCF + ".ttmStatus", is("EXACT"))
                    .body(FCF + ".ttmValue", equalTo(14_788_000_000L))
                    .body(FCF + ".source", containsString("Amazon.com Q3 2025 earnings release"))
                    .body(FCF + ".ttmDerivation", is("twelve months as filed: Free cash flow 2024-10-01 to 2025-09-30: "
                            + "130,691,000,000 (Net cash provided by (used in) operating activities, "
                            + "us-gaap:NetCashProvidedByUsedInOperatingActivities) − 120,131,000,000 (Purchases of property and "
                            + "equipment, us-gaap:PaymentsToAcquireProductiveAssets) + 4,228,000,000 (Proceeds from property and "
                            + "equipment sales and incentives, amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives) = "
                            + "14,788,000,000; accession 0001018724-25-000123"))
                    .body(FCF + ".inputs.concept[2]", is("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"))
                    .body(FCF + ".inputs.filing.accession[2]", is(XbrlDocuments.AMAZON_Q3_2025))
                    .body(FCF + ".inputs.value[2]", equalTo(4_228_000_000L))
                    // The discrete quarter needs the proceeds year to date, which the excerpt does not carry.
                    .body(FCF + ".status", is("UNAVAILABLE"))
                    .body(CAPEX + ".ttmValue", equalTo(115_903_000_000L))
                    .body(CAPEX + ".ttmStatus", is("EXACT"))
                    .body(Q3 + ".companyMeasures.find { it.id == 'leases-not-yet-commenced' }.status", is("UNAVAILABLE"));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode last = snapshots.getRecords().stream().map(r -> Documents.read(r.value()))
                        .filter(s -> s.path("ticker").asText().equals("AMZN"))
                        .reduce((a, b) -> b).orElseThrow();
                assertEquals(before + 1, last.path("revision").asInt());
                JsonNode q3 = java.util.stream.StreamSupport.stream(last.path("quarters").spliterator(), false)
                        .filter(q -> q.path("periodEnd").asText().equals("2025-09-30")).findFirst().orElseThrow();
                JsonNode fcf = java.util.stream.StreamSupport.stream(q3.path("companyMeasures").spliterator(), false)
                        .filter(m -> m.path("id").asText().equals("fcf")).findFirst().orElseThrow();
                assertEquals(14_788_000_000L, fcf.path("ttmValue").asLong());
                assertEquals("EXACT", fcf.path("ttmStatus").asText());
            });
            snapshots.close();
        }
        // Standard TTM FCF beside it: 130,691 - 120,131 ($M), from the standard quarters.
        long ttmFcf = 0;
        for (String end : new String[]{"2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30"}) {
            String q = "find { it.periodEnd == '" + end + "' }.values";
            long ocf = given().get("/api/companies/AMZN/fundamentals").then().extract().path(q + ".OPERATING_CASH_FLOW.value");
            long capex = given().get("/api/companies/AMZN/fundamentals").then().extract().path(q + ".CAPEX.value");
            ttmFcf += ocf - capex;
        }
        assertEquals(10_560_000_000L, ttmFcf);

        // Point in time, measures computed from the facts filed by that day: the day before the 10-Q was filed
        // there was no Q3 and Q2's TTM lacked the proceeds; from the day it was filed, Amazon's own figure.
        String q2Fcf = "find { it.periodEnd == '2025-06-30' }.companyMeasures.find { it.id == 'fcf' }";
        given().get("/api/companies/AMZN/fundamentals?asOf=2025-10-30").then().statusCode(200)
                .body(Q3, is((Object) null))
                .body(q2Fcf + ".ttmStatus", is("UNAVAILABLE"))
                .body(q2Fcf + ".ttmReason", containsString("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"));
        given().get("/api/companies/AMZN/fundamentals?asOf=2025-10-31").then().statusCode(200)
                .body(FCF + ".ttmStatus", is("EXACT"))
                .body(FCF + ".ttmValue", equalTo(14_788_000_000L))
                .body(FCF + ".inputs.filing.accession[2]", is(XbrlDocuments.AMAZON_Q3_2025))
                .body(CAPEX + ".ttmValue", equalTo(115_903_000_000L));
    }
}

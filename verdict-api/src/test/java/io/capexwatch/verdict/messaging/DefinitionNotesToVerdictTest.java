package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.AlphabetMetrics;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * A commitment whose definition's concept names are unverified (its note, from earnings-ingest through
 * capex-tracker) reaches the verdict: the commitments-overhang rule names it in its explanation, and the
 * verdict's latest quarter carries the note for the board's details. Alphabet at 2026-03-31: TTM OCF
 * $174,353M; unconditional purchase obligations $75,600M (checked) and, for the test, leases not yet
 * commenced $20,000M (unverified): $95,600M is 0.5483x.
 */
@QuarkusTest
class DefinitionNotesToVerdictTest {
    private static final long CIK = 9_900_208L;
    private static final String TICKER = "NOTED";
    private static final long M = 1_000_000L;
    private static final String LEASES_NOTE = "Unverified concept names: the two goog: extensions are the amounts the 10-K"
            + " presentation linkbase lists (as extracted on GitHub)";
    private static final String UPO_NOTE = "Checked against Alphabet's companyfacts: $75.6B at 2026-03-31 (0001652044-26-000048).";
    private static final String OVERHANG = "rules.find { it.rule == 'commitments-overhang' }";
    private static final String LATEST = "quarters.find { it.periodEnd == '2026-03-31' }.companyDefined";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void theOverhangNamesTheUnverifiedCommitmentAndTheVerdictCarriesItsNote() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, snapshot());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).body(OVERHANG + ".outcome", is("OK")));
        given().get("/api/verdicts/" + TICKER).then()
                .body(OVERHANG + ".sentence", is("$95.6B signed but not yet on the balance sheet (leases not yet commenced"
                        + " $20.0B, unconditional purchase obligations $75.6B) is 0.55x TTM operating cash flow (watch from"
                        + " 1.00x, slipping from 3.00x). Of these, leases not yet commenced rests on concept names not"
                        + " verified against the company's filing (see the definition's note)."))
                .body(OVERHANG + ".inputs.offBalanceSheetCommitments", equalTo(95_600_000_000L))
                .body(LATEST + ".commitments.id", equalTo(List.of("leases-not-yet-commenced", "unconditional-purchase-obligations")))
                .body(LATEST + ".commitments[0].note", is(LEASES_NOTE))
                .body(LATEST + ".commitments[1].note", is(UPO_NOTE))
                .body(LATEST + ".fcfNote", nullValue());
    }

    private static MetricsSnapshot snapshot() {
        List<QuarterMetrics> quarters = new ArrayList<>(AlphabetMetrics.quarters());
        QuarterMetrics latest = quarters.getLast();
        CompanyDefinedMetrics own = new CompanyDefinedMetrics(null, null, null, List.of(
                new CompanyDefinedMetrics.Commitment("leases-not-yet-commenced", "Leases not yet commenced", "10-K", "EXACT",
                        20_000 * M, new BigDecimal("0.1147"), true, "goog:LesseeLeaseNotYetCommencedCurrentAmount + ...", null,
                        LEASES_NOTE),
                new CompanyDefinedMetrics.Commitment("unconditional-purchase-obligations", "Unconditional purchase obligations",
                        "10-Q", "EXACT", 75_600 * M, new BigDecimal("0.4336"), true,
                        "us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount 0001652044-26-000048", null, UPO_NOTE)),
                95_600 * M, new BigDecimal("0.5483"), List.of());
        quarters.set(quarters.size() - 1, AlphabetMetrics.withCompanyDefined(latest, own));
        return new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, CIK, TICKER, TICKER + " TEST CO", 1, 1,
                Instant.parse("2026-05-01T00:00:00Z"), quarters);
    }
}

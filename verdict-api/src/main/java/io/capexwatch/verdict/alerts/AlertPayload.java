package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A delivery's JSON body (format {@code json}), docs/alerts.md.
 *
 * @param id           the event id, also sent as Idempotency-Key
 * @param type         {@code verdict} (an evaluation changed something) or {@code filing} (EDGAR status)
 * @param verdict      the company's verdict after the change; null for a company not evaluated yet
 * @param rulesChanged the rules whose outcome changed, as the verdict explains them
 * @param filing       the filing the verdict rests on, linked to EDGAR
 * @param changes      what changed, of what the subscription asked for
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPayload(UUID id, String type, Instant occurredAt, String ticker, long cik, String entityName,
                           VerdictSummary verdict, List<VerdictFacts.RuleFacts> rulesChanged, FilingLink filing,
                           List<AlertChange> changes) {

    /** @param previousState the state before this evaluation; null for a first verdict */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerdictSummary(VerdictState state, VerdictState previousState, String stateReason, Integer fiscalYear,
                                 Integer fiscalQuarter, LocalDate periodEnd, Instant evaluatedAt, long metricsRevision,
                                 long rulesVersion) {
    }

    /** @param url the filing's folder on EDGAR */
    @RegisterForReflection
    public record FilingLink(String accession, String form, LocalDate filed, String url) {
        static FilingLink of(long cik, Filing filing) {
            return filing == null || filing.accession() == null ? null : new FilingLink(filing.accession(), filing.form(),
                    filing.filed(), "https://www.sec.gov/Archives/edgar/data/" + cik + "/"
                    + filing.accession().replace("-", "") + "/");
        }
    }
}

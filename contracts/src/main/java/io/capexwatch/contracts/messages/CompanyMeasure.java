package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * A measure as the company itself defines it (its earnings-release reconciliation), for one fiscal quarter,
 * worked out from as-filed facts (companyfacts and the filing's own XBRL, extension concepts included).
 *
 * @param id            the measure's id in the company's definitions file, e.g. "fcf"
 * @param kind          CAPEX, FCF (flows: the discrete quarter and its TTM) or COMMITMENT (an amount at the
 *                      quarter's end, e.g. leases signed but not yet commenced)
 * @param name          the company's name for it, e.g. "Free cash flow"
 * @param source        where the company defines it
 * @param status        EXACT (the company's figure), APPROXIMATE (not the company's figure: {@code reason} says
 *                      why) or UNAVAILABLE (a term has no fact: {@code reason} names it)
 * @param value         the quarter's amount (a commitment: at the quarter's end), whole USD; null when unavailable
 * @param ttmValue      trailing twelve months (flows only), whole USD; null when unavailable or a commitment
 * @param ttmStatus     EXACT, APPROXIMATE or UNAVAILABLE for {@code ttmValue}; null for a commitment
 * @param derivation    the quarter's arithmetic with concepts and accessions
 * @param ttmDerivation the TTM's arithmetic (a reported twelve-month column, or the sum of four quarters)
 * @param inputs        the facts the TTM (a commitment: the value) was computed from
 * @param partOf        for a commitment that is a part of another (one year of it), the whole's id; else null
 * @param note          the definition's note on how its concept names were checked (see earnings-ingest's
 *                      definitions README: one checked only against a third party's extraction, or not at all,
 *                      starts with "{@value #UNVERIFIED}"); null when the definition has none or the producer
 *                      predates it
 */
@RegisterForReflection
public record CompanyMeasure(String id, String kind, String name, String source, String status, String reason,
                             Long value, Long ttmValue, String ttmStatus, String ttmReason, String derivation,
                             String ttmDerivation, List<MeasureInput> inputs, String partOf, String note) {
    public static final String EXACT = "EXACT";
    public static final String APPROXIMATE = "APPROXIMATE";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    /** How a note starts when the measure's concept or member names could not be checked against the company's filing. */
    public static final String UNVERIFIED = "Unverified";

    public CompanyMeasure(String id, String kind, String name, String source, String status, String reason,
                          Long value, Long ttmValue, String ttmStatus, String ttmReason, String derivation,
                          String ttmDerivation, List<MeasureInput> inputs) {
        this(id, kind, name, source, status, reason, value, ttmValue, ttmStatus, ttmReason, derivation, ttmDerivation,
                inputs, null, null);
    }

    public CompanyMeasure(String id, String kind, String name, String source, String status, String reason,
                          Long value, Long ttmValue, String ttmStatus, String ttmReason, String derivation,
                          String ttmDerivation, List<MeasureInput> inputs, String partOf) {
        this(id, kind, name, source, status, reason, value, ttmValue, ttmStatus, ttmReason, derivation, ttmDerivation,
                inputs, partOf, null);
    }

    /** Whether {@code note} says the concept names are unverified. */
    public static boolean unverified(String note) {
        return note != null && note.startsWith(UNVERIFIED);
    }

    public boolean ttmExact() {
        return EXACT.equals(ttmStatus) && ttmValue != null;
    }
}

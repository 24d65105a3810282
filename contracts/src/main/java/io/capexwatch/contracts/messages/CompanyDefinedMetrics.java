package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quarter's figures as the company defines them (its definitions file, evaluated by earnings-ingest),
 * next to the standard ones of {@link QuarterMetrics}, and the commitments behind the build-out.
 *
 * @param capex           the company's capex measure (first CAPEX of its definitions), null without one
 * @param fcf             the company's free cash flow (first FCF of its definitions), null without one
 * @param ttmCapexToOcf   the company's TTM capex over TTM operating cash flow (four decimals); null unless
 *                        both are known and OCF is positive
 * @param commitments     amounts at the quarter's end not yet on the balance sheet: leases not yet commenced,
 *                        purchase obligations (from the definitions) and remaining performance obligations
 * @param offBalanceSheetCommitments the sum of the commitments that are off the balance sheet (leases not
 *                        yet commenced, purchase obligations; not RPO, which is a claim), null when none known
 * @param offBalanceSheetToTtmOcf that sum over TTM OCF (four decimals), null unless OCF is positive
 * @param measures        every company-defined measure of the quarter, with its provenance
 */
@RegisterForReflection
public record CompanyDefinedMetrics(Measure capex, Measure fcf, BigDecimal ttmCapexToOcf, List<Commitment> commitments,
                                    Long offBalanceSheetCommitments, BigDecimal offBalanceSheetToTtmOcf,
                                    List<CompanyMeasure> measures) {

    /** The same with every ratio at {@code scale} decimals: JSON storage may drop trailing zeros. */
    public CompanyDefinedMetrics withRatioScale(int scale) {
        return new CompanyDefinedMetrics(capex, fcf, scaled(ttmCapexToOcf, scale),
                commitments == null ? null : commitments.stream().map(c -> new Commitment(c.id(), c.name(), c.source(),
                        c.status(), c.amount(), scaled(c.toTtmOcf(), scale), c.offBalanceSheet(), c.derivation(), c.partOf(),
                        c.note())).toList(),
                offBalanceSheetCommitments, scaled(offBalanceSheetToTtmOcf, scale), measures);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * One company-defined flow: the quarter and TTM, how exact (EXACT, APPROXIMATE, UNAVAILABLE) and why.
     *
     * @param definition the company's name for it; {@code source} where the company defines it
     * @param note       the definition's note ({@link CompanyMeasure#note()}), null when none
     */
    @RegisterForReflection
    public record Measure(String id, String definition, String source, Long quarter, String status, Long ttm,
                          String ttmStatus, String reason, String ttmDerivation, String note) {
        public Measure(String id, String definition, String source, Long quarter, String status, Long ttm,
                       String ttmStatus, String reason, String ttmDerivation) {
            this(id, definition, source, quarter, status, ttm, ttmStatus, reason, ttmDerivation, null);
        }

        public boolean ttmExact() {
            return CompanyMeasure.EXACT.equals(ttmStatus) && ttm != null;
        }
    }

    /**
     * @param offBalanceSheet whether it counts towards the off-balance-sheet total (false for RPO and for parts)
     * @param toTtmOcf        the amount over TTM operating cash flow, four decimals; null unless OCF is positive
     * @param partOf          for one part of another commitment (a year of it), the whole's id; else null
     * @param note            the definition's note ({@link CompanyMeasure#note()}), null when none
     */
    @RegisterForReflection
    public record Commitment(String id, String name, String source, String status, Long amount, BigDecimal toTtmOcf,
                             boolean offBalanceSheet, String derivation, String partOf, String note) {
        public Commitment(String id, String name, String source, String status, Long amount, BigDecimal toTtmOcf,
                          boolean offBalanceSheet, String derivation) {
            this(id, name, source, status, amount, toTtmOcf, offBalanceSheet, derivation, null, null);
        }

        public Commitment(String id, String name, String source, String status, Long amount, BigDecimal toTtmOcf,
                          boolean offBalanceSheet, String derivation, String partOf) {
            this(id, name, source, status, amount, toTtmOcf, offBalanceSheet, derivation, partOf, null);
        }

        /** Whether its definition's concept names are unverified (its note says so). */
        public boolean unverified() {
            return CompanyMeasure.unverified(note);
        }
    }
}

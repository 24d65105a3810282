package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.FactChecks;
import io.capexwatch.ingest.edgar.XbrlFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * An instance's facts as the as-filed facts the quarter derivation reads ({@link XbrlFact}), named the way
 * companyfacts names them so both sources meet in one key: us-gaap concepts by their plain local name
 * ("PaymentsToAcquireProductiveAssets", as CompanyFactsParser keeps them), every other taxonomy with its
 * stable prefix ("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives", "srt:...").
 * <p>
 * Only numeric, non-nil USD facts with a dated period are mapped; dimension-tagged ones keep their
 * context's dimensions in {@link XbrlFact#dimensions()} ({@link #withDimensions}, {@link #forStore}).
 */
public final class AsFiledFacts {
    private static final String US_GAAP = "us-gaap";
    /** The store's column widths: no real concept name or dimension set comes near them. */
    private static final int MAX_NAME = 255;
    private static final int MAX_DIMENSIONS = 1000;
    private static final int MAX_WARNINGS = 50;

    private AsFiledFacts() {
    }

    /** The name companyfacts would give the concept, e.g. "NetCashProvidedByUsedInOperatingActivities". */
    public static String companyFactsName(XbrlName concept) {
        return US_GAAP.equals(concept.prefix()) ? concept.localName() : concept.qualified();
    }

    /**
     * @param accession the filing's accession number (from the filing index or the import request)
     * @param form      the filing's form as EDGAR indexes it ("10-K", "10-Q/A"); null to take it from dei:DocumentType
     * @param filed     the filing date
     * @throws InvalidXbrlException when the same fact is reported twice with different values (never resolved silently)
     */
    public static List<XbrlFact> of(XbrlInstance instance, String accession, String form, LocalDate filed) {
        return collect(instance, accession, form, filed, false);
    }

    /**
     * Like {@link #of}, with the dimension-tagged facts too, each keyed by its context's dimensions
     * ({@link XbrlContext#dimensionKey}): what the as-filed store keeps of a filing's own XBRL.
     */
    public static List<XbrlFact> withDimensions(XbrlInstance instance, String accession, String form, LocalDate filed) {
        return collect(instance, accession, form, filed, true);
    }

    private static List<XbrlFact> collect(XbrlInstance instance, String accession, String form, LocalDate filed,
                                          boolean dimensions) {
        Objects.requireNonNull(accession, "accession");
        Objects.requireNonNull(filed, "filed");
        String theForm = form != null ? form : formOf(instance);
        Integer fy = instance.dei("DocumentFiscalYearFocus").filter(s -> s.matches("\\d{4}")).map(Integer::valueOf).orElse(null);
        String fp = instance.dei("DocumentFiscalPeriodFocus").orElse(null);
        Map<String, InstanceFact> byKey = new LinkedHashMap<>();
        for (InstanceFact fact : instance.facts()) {
            if (!fact.isNumeric() || fact.nil() || !fact.unit().isUsd() || (!dimensions && fact.context().hasDimensions())
                    || fact.period().forever()) {
                continue;
            }
            String key = fact.concept().qualified() + "|" + fact.period() + "|" + fact.context().dimensionKey();
            InstanceFact earlier = byKey.get(key);
            if (earlier == null || decimals(fact) > decimals(earlier)) {
                byKey.put(key, fact);
            }
            if (earlier != null && !consistent(earlier, fact)) {
                throw new InvalidXbrlException("the document reports " + fact.concept().qualified() + " for "
                        + fact.period() + dimensionsText(fact) + " twice with values that disagree: "
                        + earlier.value().toPlainString() + " and " + fact.value().toPlainString());
            }
        }
        List<XbrlFact> facts = new ArrayList<>(byKey.size());
        for (InstanceFact fact : byKey.values()) {
            facts.add(new XbrlFact(companyFactsName(fact.concept()), "USD", fact.period().start(), fact.period().end(),
                    fact.value(), accession, fy, fp, theForm, filed, fact.context().dimensionKey()));
        }
        return facts;
    }

    private static String dimensionsText(InstanceFact fact) {
        return fact.context().hasDimensions() ? " [" + fact.context().dimensionKey() + "]" : "";
    }

    /**
     * Duplicates may differ only by rounding: Amazon reports a lease amortisation as 8,452 (millions) in
     * one table and as 8.5 (billions) in the text. They agree when the more precise value, rounded to the
     * other's decimals, is the other; the more precise one is kept.
     */
    private static boolean consistent(InstanceFact a, InstanceFact b) {
        InstanceFact coarse = decimals(a) <= decimals(b) ? a : b;
        InstanceFact fine = coarse == a ? b : a;
        int places = decimals(coarse);
        BigDecimal rounded = places == Integer.MAX_VALUE ? fine.value() : fine.value().setScale(places, RoundingMode.HALF_UP);
        return rounded.compareTo(coarse.value()) == 0;
    }

    private static int decimals(InstanceFact fact) {
        String d = fact.decimals();
        if (d == null || d.isBlank() || d.trim().equals("INF")) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(d.trim());
        } catch (NumberFormatException e) {
            throw new InvalidXbrlException("fact " + fact.concept().qualified() + ": decimals \"" + d + "\" is not an integer or INF");
        }
    }

    /**
     * The instance in the shape ImportService already stores (its facts not seen before are added and the
     * quarters derived again): the CIK from the contexts, the name from dei:EntityRegistrantName, the facts
     * grouped by the name {@link #companyFactsName} gives them. Facts without dimensions only.
     */
    public static CompanyFacts asCompanyFacts(XbrlInstance instance, String accession, String form, LocalDate filed) {
        return group(instance, of(instance, accession, form, filed), accession, List.of());
    }

    /**
     * What an import of a filing's own XBRL stores: every USD fact, dimension-tagged ones included, checked
     * as companyfacts facts are. An amount no filing can hold rejects the whole document
     * ({@link UnusableXbrlException}); a fact with impossible dates, or a name or dimension set too long
     * to be a real one, is left out and named in the warnings.
     */
    public static CompanyFacts forStore(XbrlInstance instance, String accession, String form, LocalDate filed) {
        List<String> warnings = new ArrayList<>();
        List<String> implausible = new ArrayList<>();
        List<XbrlFact> kept = new ArrayList<>();
        for (XbrlFact fact : withDimensions(instance, accession, form, filed)) {
            String where = fact.concept() + " " + (fact.start() == null ? "at " + fact.end() : fact.start() + ".." + fact.end())
                    + (fact.hasDimensions() ? " [" + fact.dimensions() + "]" : "");
            Optional<String> amount = FactChecks.implausibleAmount(fact.value());
            if (amount.isPresent()) {
                implausible.add(where + ": " + amount.get());
                continue;
            }
            Optional<String> ignored = FactChecks.ignoredBecause(fact)
                    .or(() -> fact.concept().length() > MAX_NAME ? Optional.of("concept name over " + MAX_NAME + " characters") : Optional.empty())
                    .or(() -> fact.dimensions().length() > MAX_DIMENSIONS ? Optional.of("dimensions over " + MAX_DIMENSIONS + " characters") : Optional.empty());
            if (ignored.isPresent()) {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add("IGNORED_FACT " + where + " (" + accession + "): " + ignored.get() + "; not stored");
                }
                continue;
            }
            kept.add(fact);
        }
        if (!implausible.isEmpty()) {
            throw new UnusableXbrlException("amounts no filing can hold; nothing stored", implausible.subList(0, Math.min(20, implausible.size())));
        }
        CompanyFacts grouped = group(instance, kept, accession, warnings);
        return new CompanyFacts(grouped.cik(), grouped.entityName(), grouped.factsByConcept(), grouped.warnings(),
                grouped.accessions(), instance.form() == XbrlInstance.Form.INLINE ? CompanyFacts.INLINE : CompanyFacts.INSTANCE);
    }

    private static CompanyFacts group(XbrlInstance instance, List<XbrlFact> facts, String accession, List<String> warnings) {
        long cik = instance.cik().orElseThrow(() -> new InvalidXbrlException(
                "no context names an entity with the SEC's CIK scheme (" + XbrlNamespaces.SEC_CIK_SCHEME + ")"));
        Map<String, List<XbrlFact>> byConcept = new LinkedHashMap<>();
        for (XbrlFact fact : facts) {
            byConcept.computeIfAbsent(fact.concept(), c -> new ArrayList<>()).add(fact);
        }
        return new CompanyFacts(cik, instance.dei("EntityRegistrantName").orElse(null), byConcept, List.copyOf(warnings),
                Set.of(accession));
    }

    /** dei:DocumentType, with "/A" when dei:AmendmentFlag says the filing is an amendment. */
    static String formOf(XbrlInstance instance) {
        String type = instance.dei("DocumentType")
                .orElseThrow(() -> new InvalidXbrlException("no dei:DocumentType: give the form explicitly"));
        boolean amendment = instance.dei("AmendmentFlag").map("true"::equalsIgnoreCase).orElse(false);
        return amendment && !type.endsWith("/A") ? type + "/A" : type;
    }
}

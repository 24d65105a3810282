package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.edgar.CompanyFacts;
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

/**
 * An instance's facts as the as-filed facts the quarter derivation reads ({@link XbrlFact}), named the way
 * companyfacts names them so both sources meet in one key: us-gaap concepts by their plain local name
 * ("PaymentsToAcquireProductiveAssets", as CompanyFactsParser keeps them), every other taxonomy with its
 * stable prefix ("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives", "srt:...").
 * <p>
 * Only what XbrlFact can say is mapped: numeric, not nil, in USD, without dimensions, with a dated period.
 * Dimension-tagged facts stay in the {@link XbrlInstance} ({@link InstanceFact} keeps axis and member).
 */
public final class AsFiledFacts {
    private static final String US_GAAP = "us-gaap";

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
        Objects.requireNonNull(accession, "accession");
        Objects.requireNonNull(filed, "filed");
        String theForm = form != null ? form : formOf(instance);
        Integer fy = instance.dei("DocumentFiscalYearFocus").filter(s -> s.matches("\\d{4}")).map(Integer::valueOf).orElse(null);
        String fp = instance.dei("DocumentFiscalPeriodFocus").orElse(null);
        Map<String, InstanceFact> byKey = new LinkedHashMap<>();
        for (InstanceFact fact : instance.facts()) {
            if (!fact.isNumeric() || fact.nil() || !fact.unit().isUsd() || fact.context().hasDimensions()
                    || fact.period().forever()) {
                continue;
            }
            String key = fact.concept().qualified() + "|" + fact.period();
            InstanceFact earlier = byKey.get(key);
            if (earlier == null || decimals(fact) > decimals(earlier)) {
                byKey.put(key, fact);
            }
            if (earlier != null && !consistent(earlier, fact)) {
                throw new InvalidXbrlException("the document reports " + fact.concept().qualified() + " for "
                        + fact.period() + " twice with values that disagree: " + earlier.value().toPlainString()
                        + " and " + fact.value().toPlainString());
            }
        }
        List<XbrlFact> facts = new ArrayList<>(byKey.size());
        for (InstanceFact fact : byKey.values()) {
            facts.add(new XbrlFact(companyFactsName(fact.concept()), "USD", fact.period().start(), fact.period().end(),
                    fact.value(), accession, fy, fp, theForm, filed));
        }
        return facts;
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
     * grouped by the name {@link #companyFactsName} gives them.
     */
    public static CompanyFacts asCompanyFacts(XbrlInstance instance, String accession, String form, LocalDate filed) {
        long cik = instance.cik().orElseThrow(() -> new InvalidXbrlException(
                "no context names an entity with the SEC's CIK scheme (" + XbrlNamespaces.SEC_CIK_SCHEME + ")"));
        Map<String, List<XbrlFact>> byConcept = new LinkedHashMap<>();
        for (XbrlFact fact : of(instance, accession, form, filed)) {
            byConcept.computeIfAbsent(fact.concept(), c -> new ArrayList<>()).add(fact);
        }
        return new CompanyFacts(cik, instance.dei("EntityRegistrantName").orElse(null), byConcept, List.of(), Set.of(accession));
    }

    /** dei:DocumentType, with "/A" when dei:AmendmentFlag says the filing is an amendment. */
    static String formOf(XbrlInstance instance) {
        String type = instance.dei("DocumentType")
                .orElseThrow(() -> new InvalidXbrlException("no dei:DocumentType: give the form explicitly"));
        boolean amendment = instance.dei("AmendmentFlag").map("true"::equalsIgnoreCase).orElse(false);
        return amendment && !type.endsWith("/A") ? type + "/A" : type;
    }
}

package io.capexwatch.ingest.frames;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** All filers' capex in one period from the frames of several capex concepts, and the watched companies' share. */
public final class CapexFrames {
    private record Fact(String concept, FramesDocument.Entry entry) {
    }

    private CapexFrames() {
    }

    /**
     * @param byPreference one frames document per concept, in order of preference: a filer reporting under two
     *                     concepts counts once, with the first (never twice)
     * @param watched      watched companies, CIK to ticker
     */
    public static CapexFrameView combine(FramePeriod period, List<FramesDocument> byPreference, Map<Long, String> watched,
                                         Instant fetchedAt) {
        Map<Long, Fact> byFiler = new LinkedHashMap<>();
        for (FramesDocument document : byPreference) {
            for (FramesDocument.Entry entry : document.data()) {
                if (entry.val() != null) {
                    byFiler.putIfAbsent(entry.cik(), new Fact(document.tag(), entry));
                }
            }
        }
        BigDecimal total = byFiler.values().stream().map(f -> f.entry().val()).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CapexFrameView.WatchedFact> facts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        watched.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(company -> {
            Fact fact = byFiler.get(company.getKey());
            if (fact == null) {
                missing.add(company.getValue());
                return;
            }
            FramesDocument.Entry e = fact.entry();
            facts.add(new CapexFrameView.WatchedFact(company.getValue(), e.cik(), e.entityName(), fact.concept(), e.start(), e.end(),
                    e.val(), e.accn(), filingUrl(e.cik(), e.accn())));
        });
        BigDecimal watchedTotal = facts.stream().map(CapexFrameView.WatchedFact::val).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal share = total.signum() == 0 ? null : watchedTotal.divide(total, 4, RoundingMode.HALF_EVEN);
        LocalDate latestEnd = byFiler.values().stream().map(f -> f.entry().end()).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        return new CapexFrameView(period.toString(), period.coverage(), byPreference.stream().map(FramesDocument::tag).toList(),
                byFiler.size(), total, watchedTotal, share, facts, missing, fetchedAt, latestEnd);
    }

    static String filingUrl(long cik, String accession) {
        return accession == null ? null : "https://www.sec.gov/Archives/edgar/data/" + cik + "/" + accession.replace("-", "") + "/";
    }
}

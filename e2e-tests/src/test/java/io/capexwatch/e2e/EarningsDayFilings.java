package io.capexwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * One earnings day (2026-04-30) of the seven watched companies, as EDGAR documents: each company's submissions
 * at every stage of the day (before, after its 8-K item 2.02, after its 10-Q, after a 10-Q/A) and its
 * companyfacts before and after, plus the discrete quarters every service must end up with.
 *
 * <p>Alphabet and Amazon come from {@code samples/companyfacts} (our documents written from their published
 * figures): "before" is the sample without the facts of its latest 10-Q (filed 2026-04-30), "after" is the
 * sample. The other five are SYNTHETIC: round figures made up for this test (operating cash flow and capex,
 * year to date as 10-Qs and 10-Ks report them), on each company's real fiscal calendar: Microsoft's year
 * ends in June, Oracle's in May, Nvidia's on the last Sunday of January (52/53-week years of 13-week
 * quarters), Meta's and CoreWeave's in December. Every accession of the day's filings is invented.
 */
final class EarningsDayFilings {
    static final LocalDate DAY = LocalDate.of(2026, 4, 30);
    static final String OCF = "NetCashProvidedByUsedInOperatingActivities";
    static final String CAPEX = "PaymentsToAcquirePropertyPlantAndEquipment";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A filing as the submissions document lists it. */
    record Filing(String accession, String form, LocalDate filed, String acceptedAt, LocalDate reportDate, String items,
                  boolean xbrl) {
    }

    /** A discrete quarter's figures and the filing the service must trace its capex to. */
    record Quarter(LocalDate end, long ocf, long capex, String accession) {
        long fcf() {
            return ocf - capex;
        }
    }

    enum Stage { BEFORE, RELEASED, FILED, AMENDED }

    /** One company's day. {@code amendment} and {@code factsAmended} are null unless it files a 10-Q/A. */
    record CompanyDay(String ticker, long cik, String name, String fiscalYearEnd, List<Filing> history, Filing release,
                      Filing tenQ, Filing amendment, byte[] factsBefore, byte[] factsAfter, byte[] factsAmended,
                      TreeMap<LocalDate, Quarter> expected) {

        String submissionsPath() {
            return "/submissions/CIK%010d.json".formatted(cik);
        }

        String factsPath() {
            return "/api/xbrl/companyfacts/CIK%010d.json".formatted(cik);
        }

        /** The day's last periodic filing: the 10-Q/A where there is one. */
        Filing lastFiling() {
            return amendment != null ? amendment : tenQ;
        }

        byte[] factsAtEnd() {
            return factsAmended != null ? factsAmended : factsAfter;
        }

        Quarter dayQuarter() {
            return expected.get(tenQ.reportDate());
        }

        /** Filings the day brings that change figures: the 10-Q and the 10-Q/A. */
        int figureFilings() {
            return amendment != null ? 2 : 1;
        }

        byte[] submissions(Stage stage) {
            List<Filing> filings = new ArrayList<>();
            if (stage == Stage.AMENDED) {
                filings.add(amendment);
            }
            if (stage.compareTo(Stage.FILED) >= 0) {
                filings.add(tenQ);
            }
            if (stage.compareTo(Stage.RELEASED) >= 0) {
                filings.add(release);
            }
            filings.addAll(history.reversed());
            ObjectNode root = JSON.createObjectNode();
            root.put("cik", "%010d".formatted(cik));
            root.put("entityType", "operating");
            root.put("name", name);
            root.putArray("tickers").add(ticker);
            root.put("fiscalYearEnd", fiscalYearEnd);
            root.put("_comment", "Test-made for the earnings-day end-to-end test; the day's accessions are invented.");
            ObjectNode filingsNode = root.putObject("filings");
            ObjectNode recent = filingsNode.putObject("recent");
            ArrayNode accession = recent.putArray("accessionNumber");
            ArrayNode filed = recent.putArray("filingDate");
            ArrayNode report = recent.putArray("reportDate");
            ArrayNode accepted = recent.putArray("acceptanceDateTime");
            ArrayNode form = recent.putArray("form");
            ArrayNode items = recent.putArray("items");
            ArrayNode xbrl = recent.putArray("isXBRL");
            for (Filing f : filings) {
                accession.add(f.accession());
                filed.add(f.filed().toString());
                report.add(f.reportDate().toString());
                accepted.add(f.acceptedAt());
                form.add(f.form());
                items.add(f.items());
                xbrl.add(f.xbrl() ? 1 : 0);
            }
            filingsNode.putArray("files");
            return bytes(root);
        }
    }

    private EarningsDayFilings() {
    }

    /** All seven, in the order the poller visits them (by ticker). */
    static List<CompanyDay> all(Path projectRoot) {
        Path samples = projectRoot.resolve("samples").resolve("companyfacts");
        return List.of(
                fromSample("AMZN", samples.resolve("CIK0001018724.json"), "1231"),
                // CoreWeave: calendar year. SYNTHETIC figures.
                synthetic("CRWV", 1_769_628L, "CoreWeave, Inc.", "1231", monthly(), List.of(
                        LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), 1,
                        1_000_000_000L, 100_000_000L, 2_000_000_000L, 250_000_000L, false),
                fromSample("GOOGL", samples.resolve("CIK0001652044.json"), "1231"),
                // Meta: calendar year; the one with a 10-Q/A right after its 10-Q. SYNTHETIC figures.
                synthetic("META", 1_326_801L, "Meta Platforms, Inc.", "1231", monthly(), List.of(
                        LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), 1,
                        20_000_000_000L, 500_000_000L, 8_000_000_000L, 1_000_000_000L, true),
                // Microsoft: fiscal year ends 30 June; the day's 10-Q is Q3 FY2026 (ended 2026-03-31). SYNTHETIC figures.
                synthetic("MSFT", 789_019L, "MICROSOFT CORPORATION", "0630", monthly(), List.of(
                        LocalDate.of(2023, 7, 1), LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1)), 3,
                        30_000_000_000L, 1_000_000_000L, 10_000_000_000L, 1_000_000_000L, false),
                // Nvidia: 52/53-week years ending on the last Sunday of January, 13-week quarters; FY2027 began
                // 2026-01-26 and its Q1 ends 2026-04-26. SYNTHETIC figures.
                synthetic("NVDA", 1_045_810L, "NVIDIA CORP", "0126", thirteenWeeks(), List.of(
                        LocalDate.of(2024, 1, 29), LocalDate.of(2025, 1, 27), LocalDate.of(2026, 1, 26)), 1,
                        15_000_000_000L, 2_000_000_000L, 1_000_000_000L, 100_000_000L, false),
                // Oracle: fiscal year ends 31 May; the day's 10-Q is Q3 FY2026 (ended 2026-02-28). SYNTHETIC figures.
                synthetic("ORCL", 1_341_439L, "ORACLE CORP", "0531", monthly(), List.of(
                        LocalDate.of(2023, 6, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2025, 6, 1)), 3,
                        5_000_000_000L, 250_000_000L, 4_000_000_000L, 1_000_000_000L, false));
    }

    private static BiFunction<LocalDate, Integer, LocalDate> monthly() {
        return (start, quarter) -> YearMonth.from(start).plusMonths(3L * quarter - 1).atEndOfMonth();
    }

    private static BiFunction<LocalDate, Integer, LocalDate> thirteenWeeks() {
        return (start, quarter) -> start.plusDays(91L * quarter - 1);
    }

    /**
     * Three fiscal years starting on {@code yearStarts}: the first two complete (three 10-Qs and a 10-K), the
     * third up to quarter {@code dayQuarter}, whose 10-Q is the day's filing. Quarter k (counting from the
     * first) has OCF {@code ocf + k * ocfStep} and capex {@code capex + k * capexStep}.
     */
    private static CompanyDay synthetic(String ticker, long cik, String name, String fiscalYearEnd,
                                        BiFunction<LocalDate, Integer, LocalDate> quarterEnd, List<LocalDate> yearStarts,
                                        int dayQuarter, long ocf, long ocfStep, long capex, long capexStep, boolean amended) {
        List<ObjectNode> ocfFacts = new ArrayList<>();
        List<ObjectNode> capexFacts = new ArrayList<>();
        List<Filing> history = new ArrayList<>();
        TreeMap<LocalDate, Quarter> expected = new TreeMap<>();
        Filing tenQ = null;
        int k = 0;
        for (int year = 0; year < yearStarts.size(); year++) {
            LocalDate start = yearStarts.get(year);
            int label = quarterEnd.apply(start, 4).getYear();
            int quarters = year == yearStarts.size() - 1 ? dayQuarter : 4;
            long ocfYtd = 0;
            long capexYtd = 0;
            for (int q = 1; q <= quarters; q++, k++) {
                LocalDate end = quarterEnd.apply(start, q);
                boolean day = year == yearStarts.size() - 1 && q == dayQuarter;
                String form = q == 4 ? "10-K" : "10-Q";
                LocalDate filed = day ? DAY : end.plusDays(q == 4 ? 60 : 40);
                String accession = day ? "%010d-26-9002%02d".formatted(cik, 1)
                        : "%010d-%02d-%06d".formatted(cik, filed.getYear() % 100, 100 + k);
                Filing filing = new Filing(accession, form, filed, filed + (day ? "T21:05:00.000Z" : "T16:00:00.000Z"), end, "", true);
                if (day) {
                    tenQ = filing;
                } else {
                    history.add(filing);
                }
                long quarterOcf = ocf + k * ocfStep;
                long quarterCapex = capex + k * capexStep;
                ocfYtd += quarterOcf;
                capexYtd += quarterCapex;
                String fp = q == 4 ? "FY" : "Q" + q;
                ocfFacts.add(fact(start, end, ocfYtd, filing, label, fp));
                capexFacts.add(fact(start, end, capexYtd, filing, label, fp));
                expected.put(end, new Quarter(end, quarterOcf, quarterCapex, accession));
            }
        }
        Filing release = release(cik);
        byte[] before = companyFacts(cik, name, without(ocfFacts, tenQ), without(capexFacts, tenQ));
        byte[] after = companyFacts(cik, name, ocfFacts, capexFacts);
        Filing amendment = null;
        byte[] amendedFacts = null;
        if (amended) {
            // The 10-Q/A restates the quarter's capex by +$250,000,000 (and repeats its OCF), filed the next day.
            LocalDate filed = DAY.plusDays(1);
            amendment = new Filing("%010d-26-9003%02d".formatted(cik, 1), "10-Q/A", filed, filed + "T13:30:00.000Z",
                    tenQ.reportDate(), "", true);
            Quarter original = expected.get(tenQ.reportDate());
            ObjectNode lastOcf = ocfFacts.getLast();
            ObjectNode lastCapex = capexFacts.getLast();
            List<ObjectNode> amendedOcf = new ArrayList<>(ocfFacts);
            List<ObjectNode> amendedCapex = new ArrayList<>(capexFacts);
            amendedOcf.add(restated(lastOcf, 0, amendment));
            amendedCapex.add(restated(lastCapex, 250_000_000L, amendment));
            amendedFacts = companyFacts(cik, name, amendedOcf, amendedCapex);
            expected.put(original.end(), new Quarter(original.end(), original.ocf(), original.capex() + 250_000_000L,
                    amendment.accession()));
        }
        return new CompanyDay(ticker, cik, name, fiscalYearEnd, history, release, tenQ, amendment, before, after,
                amendedFacts, expected);
    }

    /** A sample document; its latest 10-Q (filed on the day) is the day's filing. */
    private static CompanyDay fromSample(String ticker, Path file, String fiscalYearEnd) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long cik = root.path("cik").asLong();
        Map<String, Filing> filings = new TreeMap<>();
        root.path("facts").path("us-gaap").forEach(concept -> concept.path("units").path("USD").forEach(f ->
                filings.putIfAbsent(f.path("accn").asText(), new Filing(f.path("accn").asText(), f.path("form").asText(),
                        LocalDate.parse(f.path("filed").asText()), f.path("filed").asText() + "T16:00:00.000Z",
                        LocalDate.parse(f.path("end").asText()), "", true))));
        List<Filing> history = new ArrayList<>(filings.values());
        history.sort(Comparator.comparing(Filing::filed));
        Filing last = history.removeLast();
        if (!last.filed().equals(DAY) || !last.form().equals("10-Q")) {
            throw new IllegalStateException(file + ": its latest filing is not a 10-Q filed " + DAY + ": " + last);
        }
        Filing tenQ = new Filing(last.accession(), last.form(), last.filed(), DAY + "T21:05:00.000Z", last.reportDate(), "", true);
        ObjectNode before = root.deepCopy();
        before.path("facts").path("us-gaap").forEach(concept -> {
            ArrayNode kept = JSON.createArrayNode();
            concept.path("units").path("USD").forEach(f -> {
                if (!f.path("accn").asText().equals(tenQ.accession())) {
                    kept.add(f);
                }
            });
            ((ObjectNode) concept.path("units")).set("USD", kept);
        });
        return new CompanyDay(ticker, cik, root.path("entityName").asText(), fiscalYearEnd, history, release(cik), tenQ,
                null, bytes(before), bytes(root), null, discreteCalendarQuarters(root));
    }

    /** Discrete calendar quarters from year-to-date facts starting 1 January (the samples' companies). */
    private static TreeMap<LocalDate, Quarter> discreteCalendarQuarters(JsonNode root) {
        Map<String, TreeMap<LocalDate, JsonNode>> ytd = new TreeMap<>();
        root.path("facts").path("us-gaap").properties().forEach(concept -> concept.getValue().path("units").path("USD").forEach(f -> {
            LocalDate start = LocalDate.parse(f.path("start").asText());
            if (start.getMonthValue() == 1 && start.getDayOfMonth() == 1) {
                ytd.computeIfAbsent(concept.getKey(), c -> new TreeMap<>()).put(LocalDate.parse(f.path("end").asText()), f);
            }
        }));
        TreeMap<LocalDate, JsonNode> ocf = ytd.get(OCF);
        TreeMap<LocalDate, JsonNode> capex = ytd.containsKey(CAPEX) ? ytd.get(CAPEX) : ytd.get("PaymentsToAcquireProductiveAssets");
        TreeMap<LocalDate, Quarter> quarters = new TreeMap<>();
        for (LocalDate end : ocf.keySet()) {
            if (capex.containsKey(end)) {
                quarters.put(end, new Quarter(end, discrete(ocf, end), discrete(capex, end), capex.get(end).path("accn").asText()));
            }
        }
        return quarters;
    }

    private static long discrete(TreeMap<LocalDate, JsonNode> ytd, LocalDate end) {
        long value = ytd.get(end).path("val").asLong();
        Map.Entry<LocalDate, JsonNode> previous = ytd.lowerEntry(end);
        return previous != null && previous.getKey().getYear() == end.getYear() ? value - previous.getValue().path("val").asLong() : value;
    }

    private static Filing release(long cik) {
        return new Filing("%010d-26-9001%02d".formatted(cik, 1), "8-K", DAY, DAY + "T20:05:00.000Z", DAY, "2.02,9.01", false);
    }

    private static ObjectNode fact(LocalDate start, LocalDate end, long value, Filing filing, int fy, String fp) {
        ObjectNode fact = JSON.createObjectNode();
        fact.put("start", start.toString());
        fact.put("end", end.toString());
        fact.put("val", value);
        fact.put("accn", filing.accession());
        fact.put("fy", fy);
        fact.put("fp", fp);
        fact.put("form", filing.form());
        fact.put("filed", filing.filed().toString());
        return fact;
    }

    private static ObjectNode restated(ObjectNode original, long delta, Filing amendment) {
        ObjectNode fact = original.deepCopy();
        fact.put("val", original.path("val").asLong() + delta);
        fact.put("accn", amendment.accession());
        fact.put("form", amendment.form());
        fact.put("filed", amendment.filed().toString());
        return fact;
    }

    private static List<ObjectNode> without(List<ObjectNode> facts, Filing filing) {
        return facts.stream().filter(f -> !f.path("accn").asText().equals(filing.accession())).toList();
    }

    private static byte[] companyFacts(long cik, String name, List<ObjectNode> ocf, List<ObjectNode> capex) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cik", cik);
        root.put("entityName", name);
        ObjectNode gaap = root.putObject("facts").putObject("us-gaap");
        concept(gaap, OCF, "Net Cash Provided by (Used in) Operating Activities", ocf);
        concept(gaap, CAPEX, "Payments to Acquire Property, Plant, and Equipment", capex);
        return bytes(root);
    }

    private static void concept(ObjectNode gaap, String name, String label, List<ObjectNode> facts) {
        ObjectNode concept = gaap.putObject(name);
        concept.put("label", label);
        concept.put("description", label + " (synthetic test figures)");
        ArrayNode usd = concept.putObject("units").putArray("USD");
        facts.forEach(usd::add);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.capexwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.capexwatch.ingest.Admin.asAdmin;

/** companyfacts and submissions documents built for a test from the samples, and test companies. */
public final class Documents {
    public static final String CAPEX = "PaymentsToAcquirePropertyPlantAndEquipment";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Documents() {
    }

    /** Alphabet's sample companyfacts as if filed under {@code cik}, without the facts of {@code dropped} filings. */
    public static byte[] alphabetAs(long cik, Set<String> dropped) {
        ObjectNode doc = (ObjectNode) read(Samples.alphabetCompanyFacts());
        doc.put("cik", cik);
        doc.path("facts").path("us-gaap").forEach(concept -> concept.path("units").forEach(unit -> {
            for (Iterator<JsonNode> facts = ((ArrayNode) unit).elements(); facts.hasNext(); ) {
                if (dropped.contains(facts.next().path("accn").asText())) {
                    facts.remove();
                }
            }
        }));
        return write(doc);
    }

    /** A companyfacts document of one USD fact of {@code concept}, e.g. a 10-Q/A restating one quarter. */
    public static byte[] oneFact(long cik, String concept, String start, String end, String value, String accession,
                                 String form, String filed, int fy) {
        return ("""
                {"cik": %d, "entityName": "ALPHABET INC.", "facts": {"us-gaap": {"%s": {"units": {"USD": [
                  {"start": "%s", "end": "%s", "val": %s, "accn": "%s", "fy": %d, "fp": "Q1", "form": "%s", "filed": "%s"}]}}}}}
                """).formatted(cik, concept, start, end, value, accession, fy, form, filed).getBytes();
    }

    /**
     * A submissions document listing {@code filings}, newest first: each {accession, form, filed, items} and
     * optionally the primary document's file name fifth.
     */
    public static byte[] submissions(long cik, List<List<String>> filings) {
        ObjectNode doc = MAPPER.createObjectNode().put("cik", Long.toString(cik)).put("name", "Test company " + cik);
        ObjectNode recent = doc.putObject("filings").putObject("recent");
        Map<String, Integer> column = Map.of("accessionNumber", 0, "form", 1, "filingDate", 2, "items", 3);
        column.forEach((name, index) -> {
            ArrayNode values = recent.putArray(name);
            filings.forEach(filing -> values.add(filing.get(index)));
        });
        ArrayNode primary = recent.putArray("primaryDocument");
        filings.forEach(filing -> primary.add(filing.size() > 4 ? filing.get(4) : ""));
        ArrayNode accepted = recent.putArray("acceptanceDateTime");
        ArrayNode xbrl = recent.putArray("isXBRL");
        filings.forEach(filing -> {
            accepted.add(filing.get(2) + "T16:05:00.000Z");
            xbrl.add(1);
        });
        return write(doc);
    }

    /** Puts a company on the watchlist (201, or 201 again when it is already there). */
    public static void watch(String ticker, long cik) {
        asAdmin().contentType("application/json").body("{\"ticker\": \"" + ticker + "\", \"cik\": " + cik + "}")
                .post("/api/companies").then().statusCode(201);
    }

    public static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(String json) {
        return read(json.getBytes());
    }

    private static byte[] write(JsonNode doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

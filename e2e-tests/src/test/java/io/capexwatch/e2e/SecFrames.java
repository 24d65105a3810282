package io.capexwatch.e2e;

import java.nio.charset.StandardCharsets;

/** SEC frames documents in the frames API's format, written for the tests (the EDGAR stub serves them). */
final class SecFrames {
    private SecFrames() {
    }

    static String path(String concept, String period) {
        return "/api/xbrl/frames/us-gaap/" + concept + "/USD/" + period + ".json";
    }

    static byte[] frame(String concept, String label, String period, String... entries) {
        return """
                {"taxonomy": "us-gaap", "tag": "%s", "ccp": "%s", "uom": "USD", "label": "%s",
                 "description": "Cash outflow to acquire long-lived physical assets.", "pts": %d, "data": [%s]}
                """.formatted(concept, period, label, entries.length, String.join(",", entries)).getBytes(StandardCharsets.UTF_8);
    }

    static String entry(String accn, long cik, String entityName, String start, String end, long val) {
        return """
                {"accn": "%s", "cik": %d, "entityName": "%s", "loc": "US-CA", "start": "%s", "end": "%s", "val": %d}
                """.formatted(accn, cik, entityName, start, end, val);
    }
}

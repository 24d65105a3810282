package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A filing's archive folder as EDGAR lists it ({@code /Archives/edgar/data/{cik}/{accession without dashes}/index.json}),
 * and which of its documents carries the filing's XBRL: the extracted instance ({@code *_htm.xml}) where EDGAR
 * made one, else the primary document (inline XBRL).
 */
public record FilingIndex(List<String> names) {
    public FilingIndex {
        names = List.copyOf(names);
    }

    /** "/Archives/edgar/data/1018724/000101872425000123/" */
    public static String folder(long cik, String accession) {
        return "/Archives/edgar/data/" + cik + "/" + accession.replace("-", "") + "/";
    }

    public static FilingIndex parse(ObjectMapper mapper, byte[] json) {
        JsonNode items;
        try {
            items = mapper.readTree(json).path("directory").path("item");
        } catch (IOException e) {
            throw new InvalidCompanyFactsException("filing index is not valid JSON: " + e.getMessage(), List.of());
        }
        if (!items.isArray()) {
            throw new InvalidCompanyFactsException("not a filing index: needs directory.item", List.of());
        }
        List<String> names = new ArrayList<>();
        items.forEach(item -> {
            String name = item.path("name").asText("");
            // A plain file name: never a path the index could smuggle in.
            if (name.matches("[A-Za-z0-9._-]{1,200}")) {
                names.add(name);
            }
        });
        return new FilingIndex(names);
    }

    /**
     * @param primaryDocument the filing's primary document as submissions lists it, or empty
     * @return the file to fetch, or empty when the folder has neither an instance nor the primary document
     */
    public Optional<String> xbrlDocument(String primaryDocument) {
        Optional<String> instance = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith("_htm.xml")).findFirst();
        if (instance.isPresent()) {
            return instance;
        }
        return names.stream().filter(n -> !primaryDocument.isEmpty() && n.equals(primaryDocument)).findFirst();
    }
}

package io.capexwatch.ingest.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads definitions files: {@code definitions/<TICKER>.json} on the classpath (versioned with the code), or
 * the same name in a deployment's own directory, which then takes precedence. The tree is read by hand
 * (no reflective binding), and a file is checked whole before it is used.
 */
public final class DefinitionsLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONCEPT = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9.]{1,10}");

    /** The companies whose definitions files are versioned with the code (definitions/TICKER.json). */
    public static final List<String> BUNDLED = List.of("AMZN", "CRWV", "GOOGL", "META", "MSFT", "NVDA", "ORCL");

    private DefinitionsLoader() {
    }

    /**
     * The us-gaap concepts (local names, as companyfacts names them) that the definitions' undimensioned
     * terms read: companyfacts carries them too, so a company's measures need not wait for its filings' own XBRL.
     */
    public static Set<String> usGaapConcepts(List<CompanyDefinitions> definitions) {
        Set<String> names = new java.util.TreeSet<>();
        for (CompanyDefinitions company : definitions) {
            for (MeasureDefinition measure : company.measures()) {
                for (Term term : measure.terms()) {
                    if (term.members().isEmpty()) {
                        term.concepts().stream().filter(c -> c.startsWith("us-gaap:")).map(c -> c.substring("us-gaap:".length()))
                                .forEach(names::add);
                    }
                }
            }
        }
        return names;
    }

    /** @param overrideDirectory a deployment's definitions directory, or empty for the versioned ones only */
    public static Optional<CompanyDefinitions> forCompany(String ticker, Optional<Path> overrideDirectory) {
        String name = ticker.toUpperCase(Locale.ROOT);
        if (!TICKER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a ticker: " + ticker);
        }
        if (overrideDirectory.isPresent()) {
            Path file = overrideDirectory.get().resolve(name + ".json");
            if (Files.isRegularFile(file)) {
                return Optional.of(load(file));
            }
        }
        String resource = "/definitions/" + name + ".json";
        try (InputStream in = DefinitionsLoader.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(read(in, "classpath:" + resource));
        } catch (IOException e) {
            throw new InvalidDefinitionsException("cannot read classpath:" + resource + ": " + e.getMessage(), e);
        }
    }

    public static CompanyDefinitions load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidDefinitionsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static CompanyDefinitions read(InputStream in, String where) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionsException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinitionsException(where + ": a definitions file is a JSON object");
        }
        String company = text(root, "company", where);
        int version = root.path("version").asInt(0);
        if (version < 1) {
            throw new InvalidDefinitionsException(where + ": \"version\" must be a positive integer");
        }
        JsonNode measures = root.path("measures");
        if (!measures.isArray() || measures.isEmpty()) {
            throw new InvalidDefinitionsException(where + ": \"measures\" must be a non-empty array");
        }
        List<MeasureDefinition> definitions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode m : measures) {
            String id = text(m, "id", where);
            String at = where + " measure " + id;
            if (!ids.add(id)) {
                throw new InvalidDefinitionsException(at + ": defined twice");
            }
            MeasureKind kind;
            try {
                kind = MeasureKind.valueOf(text(m, "kind", at));
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionsException(at + ": \"kind\" must be one of CAPEX, FCF, COMMITMENT");
            }
            definitions.add(new MeasureDefinition(company, id, kind, text(m, "name", at), text(m, "source", at),
                    optionalText(m, "approximate"), optionalText(m, "note"), terms(m, at), optionalText(m, "partOf")));
        }
        for (MeasureDefinition d : definitions) {
            if (d.partOf() != null && (d.kind() != MeasureKind.COMMITMENT || definitions.stream().noneMatch(
                    w -> w.id().equals(d.partOf()) && w.kind() == MeasureKind.COMMITMENT && w.partOf() == null))) {
                throw new InvalidDefinitionsException(where + " measure " + d.id()
                        + ": \"partOf\" names another COMMITMENT measure of the file, itself not a part, and only a COMMITMENT may be a part");
            }
        }
        return new CompanyDefinitions(company, version, definitions);
    }

    private static List<Term> terms(JsonNode measure, String at) {
        JsonNode terms = measure.path("terms");
        if (!terms.isArray() || terms.isEmpty()) {
            throw new InvalidDefinitionsException(at + ": \"terms\" must be a non-empty array");
        }
        List<Term> result = new ArrayList<>();
        for (JsonNode t : terms) {
            String sign = text(t, "sign", at);
            if (!sign.equals("+") && !sign.equals("-")) {
                throw new InvalidDefinitionsException(at + ": a term's \"sign\" is \"+\" or \"-\", not \"" + sign + "\"");
            }
            JsonNode concepts = t.path("concepts");
            if (!concepts.isArray() || concepts.isEmpty()) {
                throw new InvalidDefinitionsException(at + ": every term needs \"concepts\"");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode c : concepts) {
                if (!c.isTextual() || !CONCEPT.matcher(c.asText()).matches()) {
                    throw new InvalidDefinitionsException(at + ": \"" + c.asText()
                            + "\" is not a concept with its prefix (e.g. us-gaap:NetCashProvidedByUsedInOperatingActivities)");
                }
                names.add(c.asText());
            }
            result.add(new Term(sign.equals("+") ? 1 : -1, text(t, "label", at), names, members(t, at)));
        }
        return result;
    }

    /** "members": {"us-gaap:SomeAxis": "amzn:SomeMember"}: the dimensions a term's fact must carry. */
    private static TreeMap<String, String> members(JsonNode term, String at) {
        TreeMap<String, String> members = new TreeMap<>();
        JsonNode node = term.path("members");
        if (node.isMissingNode()) {
            return members;
        }
        if (!node.isObject()) {
            throw new InvalidDefinitionsException(at + ": \"members\" maps axes to members");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String member = e.getValue().asText();
            if (!CONCEPT.matcher(e.getKey()).matches() || !e.getValue().isTextual() || !CONCEPT.matcher(member).matches()) {
                throw new InvalidDefinitionsException(at + ": \"members\" maps a qualified axis to a qualified member, not \""
                        + e.getKey() + "\" to \"" + member + "\"");
            }
            members.put(e.getKey(), member);
        }
        return members;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDefinitionsException(at + ": \"" + field + "\" is required text");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}

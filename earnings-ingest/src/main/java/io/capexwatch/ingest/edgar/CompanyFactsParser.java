package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an EDGAR companyfacts document (data.sec.gov/api/xbrl/companyfacts/CIK##########.json) in one
 * streaming pass, keeping only the us-gaap concepts asked for. A document of several MB is never held as a
 * tree; concepts not asked for are skipped token by token, iteratively, noting only the filings their facts
 * come from. Duplicate keys are an error, nesting deeper than Jackson's limit (1000) too; text columns are
 * checked against what the database holds, amounts and dates against {@link FactChecks}.
 */
public final class CompanyFactsParser {
    private static final String TAXONOMY = "us-gaap";
    private static final String USD = "USD";
    private static final int MAX_ERRORS = 20;
    private static final int MAX_IGNORED_WARNINGS = 20;
    /** More distinct filings than any company has made: past it the document is not a real one. */
    private static final int MAX_ACCESSIONS = 20_000;
    /** Column widths of filed_fact and company. */
    private static final int MAX_ACCESSION = 32;
    private static final int MAX_FORM = 16;
    private static final int MAX_FP = 8;
    private static final int MAX_ENTITY_NAME = 255;

    private final JsonFactory json = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final Set<String> concepts;

    public CompanyFactsParser(Set<String> concepts) {
        this.concepts = Set.copyOf(concepts);
    }

    public CompanyFacts parse(InputStream in) {
        try (JsonParser parser = json.createParser(in)) {
            return new Reading(parser).document();
        } catch (JsonProcessingException e) {
            // Limits (nesting depth, number length) are reported without a location.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidCompanyFactsException("not valid JSON: " + e.getOriginalMessage() + where, List.of());
        } catch (IOException e) {
            throw new InvalidCompanyFactsException("could not read the document: " + e.getMessage(), List.of());
        }
    }

    /** The state of one pass over one document. */
    private final class Reading {
        private final JsonParser parser;
        private final Map<String, List<XbrlFact>> facts = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final List<String> implausible = new ArrayList<>();
        private final Set<String> accessions = new HashSet<>();
        private int ignored;
        private Long cik;
        private String entityName;
        private boolean sawFacts;

        Reading(JsonParser parser) {
            this.parser = parser;
        }

        CompanyFacts document() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("a companyfacts document is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "cik" -> cik = readCik(value);
                    case "entityName" -> entityName = text(value, "entityName", MAX_ENTITY_NAME);
                    case "facts" -> readTaxonomies(value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw invalid("unexpected content after the document");
            }
            if (cik == null) {
                errors.add("missing or invalid \"cik\"");
            }
            if (!sawFacts) {
                errors.add("missing \"facts\" object");
            }
            if (!errors.isEmpty()) {
                throw new InvalidCompanyFactsException("not a valid companyfacts document", errors);
            }
            if (!implausible.isEmpty()) {
                throw InvalidCompanyFactsException.implausible("amounts no filing can hold; nothing stored", implausible);
            }
            if (ignored > MAX_IGNORED_WARNINGS) {
                warnings.add("IGNORED_FACT and " + (ignored - MAX_IGNORED_WARNINGS) + " more facts left out");
            }
            return new CompanyFacts(cik, entityName, facts, warnings, Set.copyOf(accessions));
        }

        private Long readCik(JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                return parser.getLongValue();
            }
            if (value == JsonToken.VALUE_STRING && parser.getText().matches("\\d{1,10}")) {
                return Long.parseLong(parser.getText());
            }
            parser.skipChildren();
            return null;
        }

        private void readTaxonomies(JsonToken value) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                throw invalid("\"facts\" must be an object");
            }
            sawFacts = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String taxonomy = parser.currentName();
                JsonToken start = parser.nextToken();
                if (TAXONOMY.equals(taxonomy) && start == JsonToken.START_OBJECT) {
                    readConcepts();
                } else {
                    skipNotingAccessions();
                }
            }
        }

        private void readConcepts() throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String concept = parser.currentName();
                JsonToken start = parser.nextToken();
                if (concepts.contains(concept)) {
                    expect(start, JsonToken.START_OBJECT, concept);
                    readConcept(concept);
                } else {
                    skipNotingAccessions();
                }
            }
        }

        private void readConcept(String concept) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken start = parser.nextToken();
                if ("units".equals(field)) {
                    expect(start, JsonToken.START_OBJECT, concept + ".units");
                    readUnits(concept);
                } else {
                    parser.skipChildren();
                }
            }
        }

        private void readUnits(String concept) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String unit = parser.currentName();
                expect(parser.nextToken(), JsonToken.START_ARRAY, concept + ".units." + unit);
                if (!USD.equals(unit)) {
                    warnings.add("NON_USD_UNIT " + concept + " in " + unit + ": not used");
                    skipNotingAccessions();
                    continue;
                }
                List<XbrlFact> list = facts.computeIfAbsent(concept, c -> new ArrayList<>());
                int index = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    XbrlFact fact = readFact(concept, unit, index++);
                    if (fact != null) {
                        list.add(fact);
                    }
                }
            }
        }

        private XbrlFact readFact(String concept, String unit, int index) throws IOException {
            String start = null;
            String end = null;
            String accession = null;
            String fp = null;
            String form = null;
            String filed = null;
            Integer fy = null;
            BigDecimal value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "start" -> start = text(token, "start", 10);
                    case "end" -> end = text(token, "end", 10);
                    case "accn" -> accession = text(token, "accn", MAX_ACCESSION);
                    case "fp" -> fp = text(token, "fp", MAX_FP);
                    case "form" -> form = text(token, "form", MAX_FORM);
                    case "filed" -> filed = text(token, "filed", 10);
                    case "fy" -> fy = token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
                    case "val" -> value = token.isNumeric() ? parser.getDecimalValue() : null;
                    default -> parser.skipChildren();
                }
            }
            String where = concept + "." + unit + "[" + index + "]";
            if (accession != null) {
                noteAccession(accession);
            }
            if (end == null || value == null || accession == null || form == null || filed == null) {
                error(where + ": a fact needs end, val, accn, form and filed");
                return null;
            }
            Optional<String> amount = FactChecks.implausibleAmount(value);
            if (amount.isPresent()) {
                if (implausible.size() < MAX_ERRORS) {
                    implausible.add(where + " (" + accession + "): " + amount.get());
                }
                return null;
            }
            XbrlFact fact;
            try {
                fact = new XbrlFact(concept, unit, start == null ? null : LocalDate.parse(start), LocalDate.parse(end),
                        value, accession, fy, fp, form, LocalDate.parse(filed));
            } catch (DateTimeParseException e) {
                error(where + ": invalid date " + e.getParsedString());
                return null;
            }
            Optional<String> ignoredBecause = FactChecks.ignoredBecause(fact);
            if (ignoredBecause.isPresent()) {
                if (++ignored <= MAX_IGNORED_WARNINGS) {
                    warnings.add("IGNORED_FACT " + where + " (" + accession + "): " + ignoredBecause.get() + "; not stored");
                }
                return null;
            }
            return fact;
        }

        /** A string field that fits its column and holds no NUL (PostgreSQL text cannot); else an error. */
        private String text(JsonToken token, String field, int maxLength) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                return null;
            }
            String text = parser.getText();
            if (text.length() > maxLength || text.indexOf('\0') >= 0) {
                error("\"" + field + "\" must be at most " + maxLength + " characters without NUL");
                return null;
            }
            return text;
        }

        /**
         * Skips the value just started, however deeply nested (a loop, not recursion), noting the accession
         * of every fact inside it.
         */
        private void skipNotingAccessions() throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return;
            }
            int depth = 1;
            String field = null;
            while (depth > 0) {
                token = parser.nextToken();
                if (token == null) {
                    throw invalid("unexpected end of input");
                }
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    continue;
                }
                if (token == JsonToken.VALUE_STRING && "accn".equals(field)) {
                    noteAccession(parser.getText());
                } else if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                field = null;
            }
        }

        private void noteAccession(String accession) {
            if (accession.length() <= MAX_ACCESSION && accessions.size() < MAX_ACCESSIONS) {
                accessions.add(accession);
            }
        }

        private void expect(JsonToken actual, JsonToken expected, String where) {
            if (actual != expected) {
                throw invalid(where + " has the wrong shape: expected " + describe(expected) + ", found " + describe(actual));
            }
        }

        private void error(String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(message);
            }
        }

        private InvalidCompanyFactsException invalid(String message) {
            return new InvalidCompanyFactsException(message, errors);
        }

        private static String describe(JsonToken token) {
            if (token == null) {
                return "end of input";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                default -> token.asString() == null ? token.name() : token.asString();
            };
        }
    }
}

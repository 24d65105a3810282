package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an EDGAR companyfacts document (data.sec.gov/api/xbrl/companyfacts/CIK##########.json) in one
 * streaming pass, keeping only the us-gaap concepts asked for. A document of several MB is never held as a
 * tree; concepts not asked for are skipped token by token.
 */
public final class CompanyFactsParser {
    private static final String TAXONOMY = "us-gaap";
    private static final String USD = "USD";
    private static final int MAX_ERRORS = 20;

    private final JsonFactory json = JsonFactory.builder().build();
    private final Set<String> concepts;

    public CompanyFactsParser(Set<String> concepts) {
        this.concepts = Set.copyOf(concepts);
    }

    public CompanyFacts parse(InputStream in) {
        try (JsonParser parser = json.createParser(in)) {
            return new Reading(parser).document();
        } catch (JsonProcessingException e) {
            throw new InvalidCompanyFactsException("not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), List.of());
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
                    case "entityName" -> entityName = value == JsonToken.VALUE_STRING ? parser.getText() : null;
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
            return new CompanyFacts(cik, entityName, facts, warnings);
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
                    parser.skipChildren();
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
                    parser.skipChildren();
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
                    parser.skipChildren();
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
                    case "start" -> start = text(token);
                    case "end" -> end = text(token);
                    case "accn" -> accession = text(token);
                    case "fp" -> fp = text(token);
                    case "form" -> form = text(token);
                    case "filed" -> filed = text(token);
                    case "fy" -> fy = token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
                    case "val" -> value = token.isNumeric() ? parser.getDecimalValue() : null;
                    default -> parser.skipChildren();
                }
            }
            String where = concept + "." + unit + "[" + index + "]";
            if (end == null || value == null || accession == null || form == null || filed == null) {
                error(where + ": a fact needs end, val, accn, form and filed");
                return null;
            }
            try {
                return new XbrlFact(concept, unit, start == null ? null : LocalDate.parse(start), LocalDate.parse(end),
                        value, accession, fy, fp, form, LocalDate.parse(filed));
            } catch (DateTimeParseException e) {
                error(where + ": invalid date " + e.getParsedString());
                return null;
            }
        }

        private String text(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            parser.skipChildren();
            return null;
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

package io.capexwatch.ingest.xbrl;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an XBRL 2.1 instance (EDGAR's extracted {@code *_htm.xml}) or an Inline XBRL 1.1 document (the
 * filing's primary {@code .htm}) in one streaming StAX pass, into the same {@link XbrlInstance}.
 * <p>
 * Safe on hostile input: no DTD is accepted (so no entity expansion and no external entity is ever
 * fetched), element depth, value lengths and the numbers of contexts, units and facts are bounded
 * ({@link XbrlLimits}), and a document that breaks any of that, is truncated, or is not what it claims to
 * be, raises {@link InvalidXbrlException} with the reason: nothing is returned from it.
 * <p>
 * Names are resolved by namespace URI, never by prefix text, so {@code xbrli:context} and a default-namespace
 * {@code context} are the same thing, and a concept keeps its namespace's stable prefix (see
 * {@link XbrlNamespaces}).
 */
public final class XbrlParser {
    /** A real filing declares a few dozen; the map of their prefixes stays small. */
    private static final int MAX_NAMESPACES = 10_000;
    private final XbrlLimits limits;

    public XbrlParser() {
        this(XbrlLimits.defaults());
    }

    /** One parser may serve concurrent parses: each gets its own StAX factory (the JDK's reuses readers). */
    public XbrlParser(XbrlLimits limits) {
        this.limits = limits;
    }

    private XMLInputFactory factory() {
        // The JDK's own StAX implementation, whatever else is on the classpath: its behaviour is what the tests pin.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The JDK's own depth limit (100 by default since JDK 24) as a backstop one level below ours, which
        // fires first with a clearer message.
        factory.setProperty("jdk.xml.maxElementDepth", limits.maxDepth() + 1);
        return factory;
    }

    public XbrlInstance parse(InputStream in) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(in);
            return new Reading(reader).document();
        } catch (XMLStreamException e) {
            throw new InvalidXbrlException("not well-formed XML (truncated or corrupt): " + describe(e), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the document is already read or rejected
                }
            }
        }
    }

    private static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = (at >= 0 ? message.substring(at + 9) : message).replaceAll("\\s+", " ").trim();
        return e.getLocation() == null ? reason
                : reason + " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
    }

    /** One fact as read, before its context and unit (possibly defined later in the document) are resolved. */
    private record Pending(XbrlName concept, String contextRef, String unitRef, BigDecimal value, String text,
                           String decimals, boolean nil, String id, String continuedAt, int line) {
        String where() {
            return concept.qualified() + (id == null ? "" : " (id " + id + ")") + " at line " + line;
        }
    }

    private enum Kind { NON_FRACTION, NON_NUMERIC, CONTINUATION, EXCLUDE }

    /** An open inline element whose text is being collected. */
    private static final class Collector {
        final Kind kind;
        final int depth;
        final int excludeLevel;
        final int line;
        final StringBuilder text = new StringBuilder();
        XbrlName concept;
        String contextRef;
        String unitRef;
        String decimals;
        String id;
        String continuedAt;
        String formatNamespace;
        String formatName;
        String scale;
        String sign;
        boolean nil;

        Collector(Kind kind, int depth, int excludeLevel, int line) {
            this.kind = kind;
            this.depth = depth;
            this.excludeLevel = excludeLevel;
            this.line = line;
        }
    }

    private record Continuation(String text, String continuedAt) {
    }

    /** The state of one pass over one document. */
    private final class Reading {
        private final XMLStreamReader reader;
        private final Map<String, XbrlContext> contexts = new LinkedHashMap<>();
        private final Map<String, XbrlUnit> units = new LinkedHashMap<>();
        private final List<Pending> pending = new ArrayList<>();
        private final Map<String, String> declaredPrefixes = new HashMap<>();
        private final Deque<Collector> open = new ArrayDeque<>();
        private final Map<String, Continuation> continuations = new HashMap<>();
        private XbrlInstance.Form form;
        private int depth;
        private int endedDepth;
        private int excludeLevel;
        private long totalText;
        private boolean sawInlineHeader;

        Reading(XMLStreamReader reader) {
            this.reader = reader;
        }

        XbrlInstance document() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = step();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> collect();
                    default -> {
                    }
                }
            }
            if (form == null) {
                throw invalid("no root element");
            }
            if (form == XbrlInstance.Form.INLINE && !sawInlineHeader) {
                throw invalid("an XHTML document without ix:header: not inline XBRL");
            }
            return new XbrlInstance(form, contexts, units, resolve());
        }

        /** The next event, with depth, the depth limit, prefix declarations and DTDs handled for every reader. */
        private int step() throws XMLStreamException {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        throw invalid("elements nested deeper than " + limits.maxDepth() + " at line " + line());
                    }
                    for (int i = 0; i < reader.getNamespaceCount(); i++) {
                        String prefix = reader.getNamespacePrefix(i);
                        String uri = reader.getNamespaceURI(i);
                        if (prefix != null && !prefix.isEmpty() && uri != null) {
                            declaredPrefixes.putIfAbsent(uri, prefix);
                            if (declaredPrefixes.size() > MAX_NAMESPACES) {
                                throw invalid("more than " + MAX_NAMESPACES + " namespaces declared");
                            }
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> endedDepth = depth--;
                case XMLStreamConstants.DTD -> throw invalid("a document type declaration (DTD) at line " + line()
                        + ": XBRL never needs one, and it could expand entities or fetch external ones, so it is refused");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw invalid("entity reference &" + reader.getLocalName()
                        + "; at line " + line() + ": only XML's own entities and numeric character references are allowed");
                default -> {
                }
            }
            return event;
        }

        private void start() throws XMLStreamException {
            String ns = namespace();
            String local = reader.getLocalName();
            if (depth == 1) {
                form = rootForm(ns, local);
                return;
            }
            if (XbrlNamespaces.XBRLI.equals(ns) && "context".equals(local)) {
                readContext();
            } else if (XbrlNamespaces.XBRLI.equals(ns) && "unit".equals(local)) {
                readUnit();
            } else if (form == XbrlInstance.Form.INSTANCE) {
                if (reader.getAttributeValue(null, "contextRef") != null) {
                    readInstanceFact();
                }
            } else if (XbrlNamespaces.isInline(ns)) {
                startInline(local);
            }
        }

        private XbrlInstance.Form rootForm(String ns, String local) {
            if (XbrlNamespaces.XBRLI.equals(ns) && "xbrl".equals(local)) {
                return XbrlInstance.Form.INSTANCE;
            }
            if (XbrlNamespaces.XHTML.equals(ns) && "html".equals(local)) {
                return XbrlInstance.Form.INLINE;
            }
            throw invalid("the root element is {" + ns + "}" + local
                    + ": neither an XBRL instance (xbrli:xbrl) nor inline XBRL (XHTML html)");
        }

        // ---- contexts and units (both forms; in inline XBRL they sit in ix:resources)

        private void readContext() throws XMLStreamException {
            String id = required("id", "context");
            if (contexts.size() >= limits.maxContexts()) {
                throw invalid("more than " + limits.maxContexts() + " contexts");
            }
            int contextDepth = depth;
            String scheme = null;
            String identifier = null;
            String start = null;
            String end = null;
            String instant = null;
            boolean forever = false;
            TreeMap<String, String> explicit = new TreeMap<>();
            TreeMap<String, String> typed = new TreeMap<>();
            while (true) {
                int event = step();
                if (event == XMLStreamConstants.END_ELEMENT && endedDepth == contextDepth) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ns = namespace();
                String local = reader.getLocalName();
                if (XbrlNamespaces.XBRLI.equals(ns)) {
                    switch (local) {
                        case "identifier" -> {
                            scheme = reader.getAttributeValue(null, "scheme");
                            identifier = textOfElement().trim();
                        }
                        case "startDate" -> start = textOfElement().trim();
                        case "endDate" -> end = textOfElement().trim();
                        case "instant" -> instant = textOfElement().trim();
                        case "forever" -> forever = true;
                        default -> {
                        }
                    }
                } else if (XbrlNamespaces.XBRLDI.equals(ns) && "explicitMember".equals(local)) {
                    XbrlName axis = qname(required("dimension", "explicitMember in context " + id), "context " + id);
                    XbrlName member = qname(textOfElement(), "context " + id);
                    explicit.put(axis.qualified(), member.qualified());
                } else if (XbrlNamespaces.XBRLDI.equals(ns) && "typedMember".equals(local)) {
                    XbrlName axis = qname(required("dimension", "typedMember in context " + id), "context " + id);
                    typed.put(axis.qualified(), IxTransforms.collapse(textOfElement()));
                }
            }
            if (identifier == null) {
                throw invalid("context " + id + " has no entity identifier");
            }
            XbrlPeriod period;
            if (forever) {
                period = new XbrlPeriod(null, null, true);
            } else if (instant != null) {
                period = XbrlPeriod.instant(endDate(instant, id));
            } else if (start != null && end != null) {
                period = XbrlPeriod.duration(startDate(start, id), endDate(end, id));
                if (period.end().isBefore(period.start())) {
                    throw invalid("context " + id + " ends before it starts");
                }
            } else {
                throw invalid("context " + id + " has no period (instant, startDate and endDate, or forever)");
            }
            if (contexts.putIfAbsent(id, new XbrlContext(id, scheme, identifier, period, explicit, typed)) != null) {
                throw invalid("context id " + id + " is defined twice");
            }
        }

        private void readUnit() throws XMLStreamException {
            String id = required("id", "unit");
            if (units.size() >= limits.maxUnits()) {
                throw invalid("more than " + limits.maxUnits() + " units");
            }
            int unitDepth = depth;
            List<String> numerator = new ArrayList<>();
            List<String> denominator = new ArrayList<>();
            boolean inDenominator = false;
            while (true) {
                int event = step();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (endedDepth == unitDepth) {
                        break;
                    }
                    if (XbrlNamespaces.XBRLI.equals(namespace()) && "unitDenominator".equals(reader.getLocalName())) {
                        inDenominator = false;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT || !XbrlNamespaces.XBRLI.equals(namespace())) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "unitDenominator" -> inDenominator = true;
                    case "measure" -> (inDenominator ? denominator : numerator).add(measure(textOfElement(), id));
                    default -> {
                    }
                }
            }
            if (numerator.isEmpty()) {
                throw invalid("unit " + id + " has no measure");
            }
            if (units.putIfAbsent(id, new XbrlUnit(id, numerator, denominator)) != null) {
                throw invalid("unit id " + id + " is defined twice");
            }
        }

        private String measure(String lexical, String unitId) {
            XbrlName name = qname(lexical, "unit " + unitId);
            boolean standard = XbrlNamespaces.ISO4217.equals(name.namespace()) || XbrlNamespaces.XBRLI.equals(name.namespace());
            return standard ? name.localName() : name.qualified();
        }

        // ---- XBRL 2.1 instance facts

        private void readInstanceFact() throws XMLStreamException {
            XbrlName concept = name(namespace(), reader.getPrefix(), reader.getLocalName());
            String contextRef = reader.getAttributeValue(null, "contextRef");
            String unitRef = reader.getAttributeValue(null, "unitRef");
            String decimals = reader.getAttributeValue(null, "decimals");
            String id = reader.getAttributeValue(null, "id");
            boolean nil = "true".equals(trim(reader.getAttributeValue(XbrlNamespaces.XSI, "nil")));
            int line = line();
            String text = textOfElement();
            BigDecimal value = null;
            String kept = null;
            if (unitRef != null) {
                if (!nil) {
                    value = instanceNumber(text, concept, id, line);
                }
            } else {
                kept = nil ? null : keep(text);
            }
            add(new Pending(concept, contextRef, unitRef, value, kept, decimals, nil, id, null, line));
        }

        private BigDecimal instanceNumber(String text, XbrlName concept, String id, int line) {
            String s = text.trim();
            try {
                return normalise(new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
            } catch (NumberFormatException e) {
                throw invalid("fact " + concept.qualified() + (id == null ? "" : " (id " + id + ")") + " at line " + line
                        + ": \"" + shorten(s) + "\" is not a number");
            }
        }

        // ---- inline XBRL facts: they nest in XHTML and in each other, so their text is collected as it streams

        private void startInline(String local) {
            switch (local) {
                case "header" -> sawInlineHeader = true;
                case "nonFraction" -> {
                    Collector c = new Collector(Kind.NON_FRACTION, depth, excludeLevel, line());
                    c.concept = qname(required("name", "ix:nonFraction"), "ix:nonFraction at line " + c.line);
                    c.contextRef = required("contextRef", "ix:nonFraction " + c.concept);
                    c.unitRef = required("unitRef", "ix:nonFraction " + c.concept);
                    c.decimals = reader.getAttributeValue(null, "decimals");
                    c.id = reader.getAttributeValue(null, "id");
                    c.scale = trim(reader.getAttributeValue(null, "scale"));
                    c.sign = trim(reader.getAttributeValue(null, "sign"));
                    c.nil = "true".equals(trim(reader.getAttributeValue(XbrlNamespaces.XSI, "nil")));
                    String format = reader.getAttributeValue(null, "format");
                    if (format != null) {
                        XbrlName f = qname(format, "ix:nonFraction " + c.concept);
                        c.formatNamespace = f.namespace();
                        c.formatName = f.localName();
                    }
                    open.push(c);
                }
                case "nonNumeric" -> {
                    Collector c = new Collector(Kind.NON_NUMERIC, depth, excludeLevel, line());
                    c.concept = qname(required("name", "ix:nonNumeric"), "ix:nonNumeric at line " + c.line);
                    c.contextRef = required("contextRef", "ix:nonNumeric " + c.concept);
                    c.id = reader.getAttributeValue(null, "id");
                    c.continuedAt = trim(reader.getAttributeValue(null, "continuedAt"));
                    c.nil = "true".equals(trim(reader.getAttributeValue(XbrlNamespaces.XSI, "nil")));
                    open.push(c);
                }
                case "continuation" -> {
                    Collector c = new Collector(Kind.CONTINUATION, depth, excludeLevel, line());
                    c.id = required("id", "ix:continuation");
                    c.continuedAt = trim(reader.getAttributeValue(null, "continuedAt"));
                    open.push(c);
                }
                case "exclude" -> {
                    open.push(new Collector(Kind.EXCLUDE, depth, excludeLevel, line()));
                    excludeLevel++;
                }
                case "fraction" -> throw invalid("ix:fraction at line " + line() + " is not supported");
                default -> {
                }
            }
        }

        private void end() {
            if (open.isEmpty() || open.peek().depth != endedDepth) {
                return;
            }
            Collector c = open.pop();
            switch (c.kind) {
                case EXCLUDE -> excludeLevel--;
                case CONTINUATION -> {
                    if (continuations.putIfAbsent(c.id, new Continuation(c.text.toString(), c.continuedAt)) != null) {
                        throw invalid("ix:continuation id " + c.id + " is defined twice");
                    }
                }
                case NON_NUMERIC -> add(new Pending(c.concept, c.contextRef, null, null, c.nil ? null : c.text.toString(),
                        null, c.nil, c.id, c.continuedAt, c.line));
                case NON_FRACTION -> add(new Pending(c.concept, c.contextRef, c.unitRef, c.nil ? null : inlineNumber(c),
                        null, c.decimals, c.nil, c.id, null, c.line));
            }
        }

        private BigDecimal inlineNumber(Collector c) {
            String where = "ix:nonFraction " + c.concept.qualified() + (c.id == null ? "" : " (id " + c.id + ")")
                    + " at line " + c.line;
            BigDecimal value;
            try {
                value = c.formatName == null ? IxTransforms.plain(c.text.toString())
                        : IxTransforms.number(c.formatNamespace, c.formatName, c.text.toString());
            } catch (IllegalArgumentException e) {
                throw invalid(where + ": " + e.getMessage());
            }
            if (c.scale != null) {
                try {
                    int scale = Integer.parseInt(c.scale);
                    if (Math.abs(scale) > 100) {
                        throw invalid(where + ": scale " + scale + " is out of range");
                    }
                    value = value.movePointRight(scale);
                } catch (NumberFormatException e) {
                    throw invalid(where + ": scale \"" + shorten(c.scale) + "\" is not an integer");
                }
            }
            if (c.sign != null) {
                if (!c.sign.equals("-")) {
                    throw invalid(where + ": sign must be \"-\", found \"" + shorten(c.sign) + "\"");
                }
                value = value.negate();
            }
            return normalise(value);
        }

        /**
         * Text goes to every open fact it belongs to (nested facts each get it), so it is counted once per
         * fact against the total: deeply nested facts cannot multiply a small document in memory.
         */
        private void collect() {
            if (open.isEmpty()) {
                return;
            }
            int length = reader.getTextLength();
            for (Collector c : open) {
                if (c.kind != Kind.EXCLUDE && c.excludeLevel == excludeLevel) {
                    if (c.text.length() + length > limits.maxTextLength()) {
                        throw invalid("a value longer than " + limits.maxTextLength() + " characters (element at line "
                                + c.line + ")");
                    }
                    countText(length);
                    c.text.append(reader.getTextCharacters(), reader.getTextStart(), length);
                }
            }
        }

        // ---- the end of the document: every fact's context, unit and continuations resolved, or the document refused

        private List<InstanceFact> resolve() {
            List<InstanceFact> facts = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                XbrlContext context = contexts.get(p.contextRef());
                if (context == null) {
                    throw invalid("fact " + p.where() + " refers to context \"" + shorten(p.contextRef())
                            + "\", which the document does not define");
                }
                XbrlUnit unit = null;
                if (p.unitRef() != null) {
                    unit = units.get(p.unitRef());
                    if (unit == null) {
                        throw invalid("fact " + p.where() + " refers to unit \"" + shorten(p.unitRef())
                                + "\", which the document does not define");
                    }
                }
                String text = p.continuedAt() == null || p.text() == null ? p.text() : p.text() + continued(p);
                facts.add(new InstanceFact(p.concept(), context, unit, p.value(), text, p.decimals(), p.nil(), p.id()));
            }
            return facts;
        }

        private String continued(Pending p) {
            StringBuilder text = new StringBuilder();
            Set<String> seen = new HashSet<>();
            String next = p.continuedAt();
            while (next != null) {
                if (!seen.add(next)) {
                    throw invalid("the continuations of fact " + p.where() + " loop back to " + next);
                }
                Continuation c = continuations.get(next);
                if (c == null) {
                    throw invalid("fact " + p.where() + " continues at \"" + shorten(next) + "\", which the document does not define");
                }
                if (p.text().length() + text.length() + c.text().length() > limits.maxTextLength()) {
                    throw invalid("fact " + p.where() + " with its continuations is longer than " + limits.maxTextLength() + " characters");
                }
                text.append(c.text());
                next = c.continuedAt();
            }
            return text.toString();
        }

        // ---- helpers

        private void add(Pending fact) {
            if (pending.size() >= limits.maxFacts()) {
                throw invalid("more than " + limits.maxFacts() + " facts");
            }
            pending.add(fact);
        }

        /** An instance fact's text, kept: counted against the total (inline text is counted as it is collected). */
        private String keep(String text) {
            countText(text.length());
            return text;
        }

        private void countText(long characters) {
            totalText += characters;
            if (totalText > limits.maxTotalText()) {
                throw invalid("more than " + limits.maxTotalText() + " characters of text facts");
            }
        }

        /** The text inside the current element (nested elements' text included); the reader ends on its end tag. */
        private String textOfElement() throws XMLStreamException {
            int elementDepth = depth;
            int line = line();
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = step();
                if (event == XMLStreamConstants.END_ELEMENT && endedDepth == elementDepth) {
                    return text.toString();
                }
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (text.length() + reader.getTextLength() > limits.maxTextLength()) {
                        throw invalid("a value longer than " + limits.maxTextLength() + " characters (element at line " + line + ")");
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
            }
        }

        /** A QName written in an attribute or in text, resolved against the bindings in scope here. */
        private XbrlName qname(String lexical, String where) {
            String s = lexical.trim();
            int colon = s.indexOf(':');
            String prefix = colon < 0 ? "" : s.substring(0, colon);
            String local = colon < 0 ? s : s.substring(colon + 1);
            if (local.isEmpty() || local.indexOf(':') >= 0) {
                throw invalid("\"" + shorten(s) + "\" in " + where + " is not a qualified name");
            }
            String uri = reader.getNamespaceURI(prefix);
            if ((uri == null || uri.isEmpty()) && !prefix.isEmpty()) {
                throw invalid("prefix \"" + prefix + "\" of " + shorten(s) + " in " + where + " is not bound to a namespace");
            }
            return name(uri == null ? "" : uri, prefix, local);
        }

        private XbrlName name(String uri, String writtenPrefix, String local) {
            String prefix = XbrlNamespaces.standardPrefix(uri);
            if (prefix == null) {
                prefix = declaredPrefixes.get(uri);
            }
            if (prefix == null) {
                prefix = writtenPrefix == null || writtenPrefix.isEmpty() ? (uri.isEmpty() ? "" : "{" + uri + "}") : writtenPrefix;
            }
            return new XbrlName(uri, prefix, local);
        }

        private String namespace() {
            String ns = reader.getNamespaceURI();
            return ns == null ? "" : ns;
        }

        private String required(String attribute, String where) {
            String value = trim(reader.getAttributeValue(null, attribute));
            if (value == null || value.isEmpty()) {
                throw invalid(where + " at line " + line() + " has no " + attribute + " attribute");
            }
            return value;
        }

        private LocalDate startDate(String lexical, String contextId) {
            return date(lexical, contextId, false);
        }

        private LocalDate endDate(String lexical, String contextId) {
            return date(lexical, contextId, true);
        }

        /**
         * XBRL 2.1 (4.7.2): a date without a time means the start of that day for startDate and the end of it
         * for endDate and instant; so an end written as a dateTime at midnight is the day before.
         */
        private LocalDate date(String lexical, String contextId, boolean end) {
            try {
                if (lexical.length() == 10) {
                    return LocalDate.parse(lexical);
                }
                LocalDateTime time = lexical.endsWith("Z") || lexical.matches(".*[+-]\\d{2}:\\d{2}$")
                        ? OffsetDateTime.parse(lexical).toLocalDateTime() : LocalDateTime.parse(lexical);
                boolean midnight = time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
                return end && midnight ? time.toLocalDate().minusDays(1) : time.toLocalDate();
            } catch (DateTimeParseException e) {
                throw invalid("context " + contextId + ": \"" + shorten(lexical) + "\" is not a date");
            }
        }

        private int line() {
            return reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber();
        }
    }

    private static BigDecimal normalise(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static InvalidXbrlException invalid(String message) {
        return new InvalidXbrlException(message);
    }
}

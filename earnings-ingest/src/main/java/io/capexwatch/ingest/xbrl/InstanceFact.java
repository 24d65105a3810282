package io.capexwatch.ingest.xbrl;

import java.math.BigDecimal;

/**
 * One fact of an XBRL instance or inline XBRL document, with everything that identifies it.
 *
 * @param unit     null for a non-numeric fact
 * @param value    the exact numeric value (scale and sign applied); null for nil and non-numeric facts
 * @param text     a non-numeric fact's text (markup dropped, continuations joined); null for numeric facts
 * @param decimals the decimals attribute as written ("-6", "INF"), null where absent
 * @param id       the fact's id attribute, null where absent
 */
public record InstanceFact(XbrlName concept, XbrlContext context, XbrlUnit unit, BigDecimal value, String text,
                           String decimals, boolean nil, String id) {

    public boolean isNumeric() {
        return unit != null;
    }

    public XbrlPeriod period() {
        return context.period();
    }
}

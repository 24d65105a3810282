package io.capexwatch.ingest.xbrl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IxTransformsTest {
    private static final String TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";
    private static final String TR3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26";
    private static final String TR1 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20";

    @ParameterizedTest(name = "{0}:{1} \"{2}\" = {3}")
    @CsvSource(delimiter = '|', value = {
            TR4 + "| num-dot-decimal   | 1,234,567.89   | 1234567.89",
            TR4 + "| num-dot-decimal   | ' 53,887 '     | 53887",
            TR4 + "| num-dot-decimal   | 1 234\u00A0567 | 1234567",
            TR4 + "| num-dot-decimal   | .5             | .5",
            TR4 + "| num-comma-decimal | 1.234.567,89   | 1234567.89",
            TR4 + "| fixed-zero        | —              | 0",
            TR3 + "| numdotdecimal     | 6,011          | 6011",
            TR3 + "| numcommadecimal   | 6.011,5        | 6011.5",
            TR3 + "| zerodash          | –              | 0",
            TR3 + "| zerodash          | '-'            | 0",
            TR1 + "| numcommadot       | 1,000.25       | 1000.25",
            TR1 + "| numdotcomma       | 1.000,25       | 1000.25",
            TR1 + "| numspacedot       | 1 000.25       | 1000.25",
            TR1 + "| numdash           | '-'            | 0",
            IxTransforms.SEC + "| numwordsen | no               | 0",
            IxTransforms.SEC + "| numwordsen | None             | 0",
            IxTransforms.SEC + "| numwordsen | zero             | 0",
            IxTransforms.SEC + "| numwordsen | two              | 2",
            IxTransforms.SEC + "| numwordsen | Twenty-Five      | 25",
            IxTransforms.SEC + "| numwordsen | one hundred and five | 105",
            IxTransforms.SEC + "| numwordsen | three million two hundred thousand | 3200000",
    })
    void transforms(String namespace, String name, String text, String expected) {
        assertEquals(new BigDecimal(expected), IxTransforms.number(namespace, name, text));
    }

    @ParameterizedTest(name = "{0}:{1} rejects \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            TR4 + "| num-dot-decimal | 12abc",
            TR4 + "| num-dot-decimal | -5",
            TR4 + "| num-dot-decimal | ''",
            TR3 + "| zerodash        | 0",
            TR4 + "| date-monthname-day-year-en | March 29, 2025",
            TR4 + "| no-such-format  | 1",
            "urn:not-a-registry | num-dot-decimal | 1",
            IxTransforms.SEC + "| numwordsen | a few",
            IxTransforms.SEC + "| numwordsen | hundred",
    })
    void rejectsWhatDoesNotApply(String namespace, String name, String text) {
        assertThrows(IllegalArgumentException.class, () -> IxTransforms.number(namespace, name, text));
    }

    @Test
    void withoutAFormatTheContentMustBeAPlainDecimal() {
        assertEquals(new BigDecimal("279"), IxTransforms.plain(" 279 "));
        assertThrows(IllegalArgumentException.class, () -> IxTransforms.plain("1,234"));
        assertThrows(IllegalArgumentException.class, () -> IxTransforms.plain("(279)"));
    }
}

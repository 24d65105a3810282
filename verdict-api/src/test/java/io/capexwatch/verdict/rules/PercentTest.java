package io.capexwatch.verdict.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Money and ratios in rule sentences read as an analyst writes them. */
class PercentTest {
    @Test
    void moneyHasItsSignBeforeTheDollarAndAUnitThatFitsIt() {
        assertEquals("-$2.5B", Percent.usdBillions(-2_472_000_000L)); // Amazon's TTM FCF at 2026 Q1 in the samples
        assertEquals("$148.5B", Percent.usdBillions(148_523_000_000L));
        assertEquals("$1.25T", Percent.usdBillions(1_250_000_000_000L));
        assertEquals("-$1.00T", Percent.usdBillions(-999_999_999_999L - 1));
        assertEquals("$999.9B", Percent.usdBillions(999_900_000_000L));
        assertEquals("$430M", Percent.usdBillions(430_000_000L));
        assertEquals("-$1M", Percent.usdBillions(-500_000L - 1));
        assertEquals("$1.0B", Percent.usdBillions(999_950_000L + 50_000_000L));
        assertEquals("$0", Percent.usdBillions(0));
        assertEquals(Long.MIN_VALUE < 0, Percent.usdBillions(Long.MIN_VALUE).startsWith("-$"));
    }

    @Test
    void perDollarReturns() {
        assertEquals("$12.09", Percent.dollars(new BigDecimal("12.0874")));
        assertEquals("-$0.05", Percent.dollars(new BigDecimal("-0.05")));
    }
}

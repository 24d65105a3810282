package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting for the rules' sentences. */
final class Percent {
    private Percent() {
    }

    static String of(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }

    static String usdBillions(long usd) {
        return "$" + BigDecimal.valueOf(usd).movePointLeft(9).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "B";
    }
}

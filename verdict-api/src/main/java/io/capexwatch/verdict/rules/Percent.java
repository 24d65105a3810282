package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting for the rules' sentences. */
final class Percent {
    private Percent() {
    }

    /** 0.6305 → "63%", 0.125 → "12.5%". */
    static String of(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }

    /** With a sign: "+13.1%", "-4%". */
    static String signed(BigDecimal fraction) {
        return (fraction.signum() >= 0 ? "+" : "") + of(fraction);
    }

    /** A difference of two growth rates: 0.7300 → "73 points". */
    static String points(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + " points";
    }

    /** A return per dollar: 0.7234 → "72 cents". */
    static String cents(BigDecimal perDollar) {
        return perDollar.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + " cents";
    }

    static String usdBillions(long usd) {
        return "$" + BigDecimal.valueOf(usd).movePointLeft(9).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "B";
    }
}

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

    /** A return per dollar as an analyst writes it: 0.7234 → "$0.72", 12.0874 → "$12.09", -0.05 → "-$0.05". */
    static String dollars(BigDecimal perDollar) {
        BigDecimal amount = perDollar.setScale(2, RoundingMode.HALF_EVEN);
        return (amount.signum() < 0 ? "-$" : "$") + amount.abs().toPlainString();
    }

    /** A multiple: 0.5781 → "0.58x", 2 → "2.00x". */
    static String times(BigDecimal multiple) {
        return multiple.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "x";
    }

    static String usdBillions(long usd) {
        return "$" + BigDecimal.valueOf(usd).movePointLeft(9).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "B";
    }
}

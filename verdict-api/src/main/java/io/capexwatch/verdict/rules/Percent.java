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

    /**
     * Money as an analyst writes it, sign before the dollar: -2,472,000,000 → "-$2.5B", 1,250,000,000,000 →
     * "$1.25T", 430,000,000 → "$430M", 0 → "$0" (exact to the rounding shown, never through a double).
     */
    static String usdBillions(long usd) {
        BigDecimal abs = BigDecimal.valueOf(usd).abs();
        String sign = usd < 0 ? "-$" : "$";
        if (usd == 0) {
            return "$0";
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) >= 0) {
            return sign + abs.movePointLeft(12).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "T";
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
            return sign + abs.movePointLeft(9).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "B";
        }
        return sign + abs.movePointLeft(6).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "M";
    }
}

package io.capexwatch.verdict.alerts;

import java.text.NumberFormat;
import java.util.Locale;

/** Whole USD for people: $23,953,000,000 and -$2,500,000,000. */
final class Money {
    private Money() {
    }

    static String usd(Long amount) {
        if (amount == null) {
            return "n/a";
        }
        String digits = NumberFormat.getIntegerInstance(Locale.US).format(Math.abs(amount));
        return (amount < 0 ? "-$" : "$") + digits;
    }
}

package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A ticker from a request path, checked before it reaches a query, upper-cased as stored. */
public final class Tickers {
    /** Exchange tickers: a letter, then letters, digits, '.' or '-' (BRK.B, RDS-A); the column holds 16. */
    private static final Pattern TICKER = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]{0,15}");

    private Tickers() {
    }

    static boolean isTicker(String ticker) {
        return ticker != null && TICKER.matcher(ticker).matches();
    }

    /** @return the ticker upper-cased; a 400 problem for anything that cannot be a ticker */
    public static String of(String ticker) {
        if (!isTicker(ticker)) {
            throw ProblemException.badRequest("invalid-ticker", "not a ticker: a letter, then up to 15 letters, digits, '.' or '-'",
                    List.of());
        }
        return ticker.toUpperCase(Locale.ROOT);
    }
}

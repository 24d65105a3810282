package io.capexwatch.ingest.frames;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period the capex frames can answer for. Frames hold only 3-month and 12-month durations, and
 * capex is reported year to date: a 10-Q for the second or third quarter reports 6 or 9 months, so only
 * calendar years ({@code CY2024}, from 10-Ks and the year-to-date of December-year filers) and first
 * quarters ({@code CY2025Q1}, where year to date is 3 months) cover most filers. {@code CY2025Q2} to
 * {@code Q4} hold only the few filers that tag discrete quarters, so they are refused, not shown as a total.
 */
public record FramePeriod(int year, Integer quarter) {
    private static final Pattern PERIOD = Pattern.compile("CY(\\d{4})(?:Q([1-4]))?");

    /** @throws IllegalArgumentException saying which periods frames can cover */
    public static FramePeriod parse(String text) {
        Matcher matcher = PERIOD.matcher(text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a calendar year CY2024 or a first quarter CY2025Q1");
        }
        int year = Integer.parseInt(matcher.group(1));
        Integer quarter = matcher.group(2) == null ? null : Integer.parseInt(matcher.group(2));
        if (year < 2009) {
            throw new IllegalArgumentException("frames start with XBRL filings, in 2009");
        }
        if (quarter != null && quarter != 1) {
            throw new IllegalArgumentException("only first quarters: capex is reported year to date, so quarter " + quarter
                    + " of a calendar year has no 3-month capex from most filers (frames carry 3- and 12-month durations only)");
        }
        return new FramePeriod(year, quarter);
    }

    /** As the frames API names it: CY2024, CY2025Q1. */
    @Override
    public String toString() {
        return "CY" + year + (quarter == null ? "" : "Q" + quarter);
    }

    public String coverage() {
        return quarter == null
                ? "calendar year " + year + ": 12-month durations, each filer's fiscal year that best fits the calendar year"
                : "first quarter of " + year + ": 3-month durations ending near March 31 (year to date is 3 months there)";
    }
}

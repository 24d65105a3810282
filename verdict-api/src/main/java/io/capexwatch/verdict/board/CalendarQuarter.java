package io.capexwatch.verdict.board;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, e.g. 2025Q3, the common axis on which companies with June (Microsoft), May (Oracle) or
 * late-January (Nvidia) fiscal years are compared: a fiscal quarter is placed in the calendar quarter in
 * which it ends. A quarter of a 52/53-week calendar that ends in the first {@value #GRACE_DAYS} days of a
 * calendar quarter (a year ending on the Saturday nearest December 31 may end on January 2) belongs to the
 * calendar quarter just ended, as the SEC's frames align such periods.
 */
public record CalendarQuarter(int year, int quarter) implements Comparable<CalendarQuarter> {
    static final int GRACE_DAYS = 7;
    private static final Pattern LABEL = Pattern.compile("(\\d{4})-?Q([1-4])");

    public CalendarQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter 1 to 4: " + quarter);
        }
    }

    /** The calendar quarter a fiscal quarter ending on {@code periodEnd} is placed in. */
    public static CalendarQuarter containing(LocalDate periodEnd) {
        LocalDate end = periodEnd.minusDays(GRACE_DAYS);
        return new CalendarQuarter(end.getYear(), (end.getMonthValue() - 1) / 3 + 1);
    }

    /** @param label {@code 2025Q3} (or {@code 2025-Q3}); IllegalArgumentException otherwise */
    public static CalendarQuarter parse(String label) {
        Matcher matcher = LABEL.matcher(label == null ? "" : label.trim().toUpperCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a calendar quarter such as 2025Q3");
        }
        return new CalendarQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public CalendarQuarter previous() {
        return quarter == 1 ? new CalendarQuarter(year - 1, 4) : new CalendarQuarter(year, quarter - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    @Override
    public int compareTo(CalendarQuarter other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}

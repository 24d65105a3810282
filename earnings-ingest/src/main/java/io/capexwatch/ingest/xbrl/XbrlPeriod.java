package io.capexwatch.ingest.xbrl;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A context's period. Dates are as companyfacts gives them: an end date (or instant) is the last day the
 * period covers, i.e. XBRL's date-only end, which means the end of that day.
 *
 * @param start   null for an instant (balance-sheet date) and for "forever"
 * @param end     the instant, or the last day of a duration; null for "forever"
 */
public record XbrlPeriod(LocalDate start, LocalDate end, boolean forever) {

    public static XbrlPeriod instant(LocalDate date) {
        return new XbrlPeriod(null, date, false);
    }

    public static XbrlPeriod duration(LocalDate start, LocalDate end) {
        return new XbrlPeriod(start, end, false);
    }

    public boolean isInstant() {
        return !forever && start == null;
    }

    public boolean isDuration() {
        return start != null;
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    @Override
    public String toString() {
        if (forever) {
            return "forever";
        }
        return isInstant() ? end.toString() : start + ".." + end;
    }
}

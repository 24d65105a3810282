package io.capexwatch.verdict.board;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A fiscal quarter goes into the calendar quarter in which it ends: June, May and late-January fiscal years. */
class CalendarQuarterTest {

    private static List<String> placed(String... periodEnds) {
        return java.util.Arrays.stream(periodEnds).map(end -> CalendarQuarter.containing(LocalDate.parse(end)).toString()).toList();
    }

    @Test
    void microsoftsJuneYear() {
        // FY2026: Q1 to 2025-09-30 ... Q4 to 2026-06-30
        assertEquals(List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2"), placed("2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30"));
    }

    @Test
    void oraclesMayYear() {
        // FY2026: Q1 to 2025-08-31, Q2 to 2025-11-30, Q3 to 2026-02-28, Q4 to 2026-05-31
        assertEquals(List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2"), placed("2025-08-31", "2025-11-30", "2026-02-28", "2026-05-31"));
    }

    @Test
    void nvidiasLateJanuaryYearOf52Weeks() {
        // FY2026: Q1 to 2025-04-27, Q2 to 2025-07-27, Q3 to 2025-10-26, Q4 to 2026-01-25
        assertEquals(List.of("2025Q2", "2025Q3", "2025Q4", "2026Q1"), placed("2025-04-27", "2025-07-27", "2025-10-26", "2026-01-25"));
    }

    @Test
    void aFiftyTwoWeekYearEndingJustAfterDecember31StaysInTheQuarterItCloses() {
        assertEquals(List.of("2020Q4", "2020Q4", "2021Q1", "2024Q3"), placed("2021-01-02", "2021-01-07", "2021-01-08", "2024-09-28"));
    }

    @Test
    void labels() {
        assertEquals(new CalendarQuarter(2025, 3), CalendarQuarter.parse("2025Q3"));
        assertEquals(new CalendarQuarter(2025, 3), CalendarQuarter.parse(" 2025-q3 "));
        assertEquals(LocalDate.parse("2025-07-01"), new CalendarQuarter(2025, 3).firstDay());
        assertEquals(LocalDate.parse("2025-09-30"), new CalendarQuarter(2025, 3).lastDay());
        assertEquals(new CalendarQuarter(2024, 4), new CalendarQuarter(2025, 1).previous());
        for (String bad : new String[]{"2025Q5", "2025Q0", "25Q3", "2025", "Q3", "", "2025Q3x"}) {
            assertThrows(IllegalArgumentException.class, () -> CalendarQuarter.parse(bad), bad);
        }
    }

    /** Whatever month a fiscal year ends in, its four quarters fill four consecutive calendar quarters. */
    @Property
    void theFourQuartersOfAnyFiscalYearFillFourConsecutiveCalendarQuarters(@ForAll @IntRange(min = 1995, max = 2090) int year,
                                                                         @ForAll @IntRange(min = 1, max = 12) int yearEndMonth) {
        YearMonth end = YearMonth.of(year, yearEndMonth);
        List<CalendarQuarter> placed = IntStream.of(9, 6, 3, 0)
                .mapToObj(monthsBefore -> CalendarQuarter.containing(end.minusMonths(monthsBefore).atEndOfMonth())).toList();
        for (int i = 1; i < 4; i++) {
            assertEquals(placed.get(i - 1), placed.get(i).previous(), placed::toString);
        }
    }

    /** A 52/53-week quarter ending up to six days before or a week after a month's end goes where that month's end goes. */
    @Property
    void weekBasedQuarterEndsGoWhereTheNominalMonthEndGoes(@ForAll @IntRange(min = 1995, max = 2090) int year,
                                                          @ForAll @IntRange(min = 1, max = 12) int month,
                                                          @ForAll @IntRange(min = -6, max = 7) int offsetDays) {
        LocalDate nominal = YearMonth.of(year, month).atEndOfMonth();
        assertEquals(CalendarQuarter.containing(nominal), CalendarQuarter.containing(nominal.plusDays(offsetDays)));
    }
}

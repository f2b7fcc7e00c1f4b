package cn.keyida.portal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /*
     * A made-up test calendar, not the official State Council arrangement: weekdays 2026-10-01 (Thu),
     * 10-02 (Fri), 10-05 (Mon) .. 10-07 (Wed) are holidays, so 10-01 .. 10-07 is one block off, and
     * Saturday 2026-10-10 is an adjusted working day.
     */
    private static final Set<LocalDate> TEST_HOLIDAYS = Stream.of(
            "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07")
            .map(LocalDate::parse).collect(Collectors.toSet());
    private static final Set<LocalDate> TEST_ADJUSTED_WORKDAYS = Set.of(d("2026-10-10"));

    private final WorkingDays calendar = new WorkingDays(TEST_HOLIDAYS, TEST_ADJUSTED_WORKDAYS);

    @Test
    void testDatesFallOnTheExpectedWeekdays() {
        assertThat(d("2026-10-01").getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(d("2026-10-10").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(d("2026-11-27").getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void weekendsHolidaysAndAdjustedWorkdaysAreClassified() {
        assertThat(calendar.isWorkingDay(d("2026-09-30"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-03"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-08"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-11"))).isFalse();
    }

    @Test
    void oneWorkingDayAfterFridayIsMonday() {
        assertThat(calendar.addWorkingDays(d("2026-11-27"), 1)).isEqualTo(d("2026-11-30"));
        assertThat(calendar.addWorkingDays(d("2026-11-27"), 5)).isEqualTo(d("2026-12-04"));
    }

    @Test
    void addingFromAWeekendCountsFromTheFollowingMonday() {
        assertThat(calendar.addWorkingDays(d("2026-11-28"), 1)).isEqualTo(d("2026-11-30"));
        assertThat(calendar.addWorkingDays(d("2026-11-29"), 2)).isEqualTo(d("2026-12-01"));
    }

    @Test
    void zeroDaysIsTheStartOrTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(d("2026-11-27"), 0)).isEqualTo(d("2026-11-27"));
        assertThat(calendar.addWorkingDays(d("2026-11-28"), 0)).isEqualTo(d("2026-11-30"));
        assertThat(calendar.addWorkingDays(d("2026-10-01"), 0)).isEqualTo(d("2026-10-08"));
    }

    @Test
    void holidayBlockIsSkipped() {
        // Wednesday 2026-09-30 + 1: the whole block 10-01 .. 10-07 is off, next working day is Thursday 10-08.
        assertThat(calendar.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-08"))).isEqualTo(1);
    }

    @Test
    void adjustedSaturdayCountsAsAWorkingDay() {
        // Thu 10-08, Fri 10-09, Sat 10-10 (adjusted) are working days.
        assertThat(calendar.addWorkingDays(d("2026-10-07"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(calendar.addWorkingDays(d("2026-10-09"), 1)).isEqualTo(d("2026-10-10"));
        assertThat(calendar.addWorkingDays(d("2026-10-09"), 2)).isEqualTo(d("2026-10-12"));
        assertThat(new WorkingDays(java.util.Set.of(), java.util.Set.of()).addWorkingDays(d("2026-10-09"), 1)).isEqualTo(d("2026-10-12"));
    }

    @Test
    void workingDaysBetweenCountsTheHalfOpenRange() {
        assertThat(calendar.workingDaysBetween(d("2026-11-27"), d("2026-11-30"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(d("2026-11-27"), d("2026-11-27"))).isZero();
        assertThat(calendar.workingDaysBetween(d("2026-11-30"), d("2026-11-27"))).isZero();
        assertThat(calendar.workingDaysBetween(d("2026-09-25"), d("2026-10-12"))).isEqualTo(7);
    }

    @Test
    void workingDaysBetweenInvertsAddWorkingDays() {
        LocalDate first = d("2026-09-01");
        for (int offset = 0; offset < 120; offset++) {
            LocalDate start = first.plusDays(offset);
            for (int n = 1; n <= 15; n++) {
                LocalDate end = calendar.addWorkingDays(start, n);
                assertThat(calendar.isWorkingDay(end)).as("%s + %d = %s", start, n, end).isTrue();
                assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d = %s", start, n, end).isEqualTo(n);
                assertThat(calendar.workingDaysBetween(start, end.minusDays(1)))
                        .as("%s + %d = %s is the first such day", start, n, end).isEqualTo(n - 1);
            }
        }
    }

    @Test
    void negativeDaysAndContradictoryCalendarsAreRefused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-11-27"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingDays(Set.of(d("2026-10-10")), Set.of(d("2026-10-10"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.keyida.portal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Working-day arithmetic for service-level deadlines. Monday to Friday are working days unless listed as
 * holidays; Saturday and Sunday are days off unless listed as adjusted working days (调休上班).
 * Instances are immutable and thread-safe.
 */
public final class WorkingDays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkdays;

    /**
     * @param holidays         days off that would otherwise be weekdays (e.g. the National Day break)
     * @param adjustedWorkdays weekend days that are working days because of a holiday swap
     * @throws IllegalArgumentException when a date is in both sets
     */
    public WorkingDays(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkdays) {
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        this.adjustedWorkdays = Set.copyOf(Objects.requireNonNull(adjustedWorkdays, "adjustedWorkdays"));
        Set<LocalDate> both = new HashSet<>(this.holidays);
        both.retainAll(this.adjustedWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates both holiday and adjusted workday: " + both);
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (adjustedWorkdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which {@code days} full working days after {@code start} have passed, i.e. the
     * {@code days}-th working day strictly after {@code start}: from Friday 2026-11-27, 1 gives Monday
     * 2026-11-30. With {@code days == 0} this is {@code start} itself when it is a working day, otherwise the
     * next working day.
     *
     * @throws IllegalArgumentException when {@code days} is negative
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = start;
        if (days == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * The number of working days in the half-open range ({@code from}, {@code to}]; 0 when {@code to} is not
     * after {@code from}. For {@code n >= 1}, {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}

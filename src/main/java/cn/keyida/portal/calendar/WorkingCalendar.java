package cn.keyida.portal.calendar;

import cn.keyida.portal.common.PortalClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deadlines in working days, on the holiday calendar staff maintain (read fresh for each use). Every
 * workflow states its deadlines in working days through this service; it owns {@code calendar_day}.
 */
@ApplicationScoped
public class WorkingCalendar {

    private final PortalClock clock;

    WorkingCalendar(PortalClock clock) {
        this.clock = clock;
    }

    /** The working days as they are now (one query). */
    @Transactional
    public WorkingDays load() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (CalendarDay d : CalendarDay.<CalendarDay>listAll()) {
            (d.kind == CalendarDay.Kind.HOLIDAY ? holidays : workdays).add(d.day);
        }
        return new WorkingDays(holidays, workdays);
    }

    /** The day that lies this many working days after today. */
    @Transactional
    public LocalDate fromToday(int workingDays) {
        return load().addWorkingDays(clock.today(), workingDays);
    }

    @Transactional
    public List<CalendarDay> days() {
        return CalendarDay.listSorted();
    }

    /** Marks a day as a holiday or as a weekend day worked instead (调休); replaces what was there. */
    @Transactional
    public void setDay(LocalDate day, CalendarDay.Kind kind, String name) {
        CalendarDay d = CalendarDay.<CalendarDay>findByIdOptional(day).orElseGet(CalendarDay::new);
        d.day = day;
        d.kind = kind;
        d.name = name;
        d.persist();
    }

    @Transactional
    public void removeDay(LocalDate day) {
        CalendarDay.deleteById(day);
    }
}

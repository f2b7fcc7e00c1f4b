package cn.keyida.portal.needs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/** Deadlines in working days, on the holiday calendar staff maintain (read fresh for each use). */
@ApplicationScoped
public class Sla {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static LocalDate today() {
        return LocalDate.now(Clock.system(CHINA));
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(CHINA).toLocalDate();
    }

    /** Must run inside a transaction. */
    public WorkingDays calendar() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (CalendarDay d : CalendarDay.<CalendarDay>listAll()) {
            (d.kind == CalendarDay.Kind.HOLIDAY ? holidays : workdays).add(d.day);
        }
        return new WorkingDays(holidays, workdays);
    }
}

package cn.keyida.portal.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The portal's one clock and zone. Instants are stored in UTC; days, deadlines and everything shown to
 * people are in China time. Inject it where "today" matters, so a rule can be tested on a fixed day.
 */
@ApplicationScoped
public class PortalClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    PortalClock() {
        this(Clock.system(ZONE));
    }

    public PortalClock(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The China-time day of an instant. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The one way times are written for people (pages, mails, exports): 2026-12-04 16:30, China time. */
    public static final java.time.format.DateTimeFormatter TEXT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    public static String localText(Instant instant) {
        return instant == null ? "" : TEXT.format(instant);
    }

    /** The first instant of a China-time day (the end of a day range is the start of the next day). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}

package cn.keyida.portal.events;

import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PortalClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/** The day before an event, everyone holding a seat gets a reminder with the check-in code. */
@ApplicationScoped
class EventReminders implements DailyReminder {

    private final EventMails mails;

    EventReminders(EventMails mails) {
        this.mails = mails;
    }

    @Override
    @Transactional
    public int remind(LocalDate today) {
        int queued = 0;
        LocalDate tomorrow = today.plusDays(1);
        for (Event e : Event.<Event>list("status = ?1 and startsAt >= ?2 and startsAt < ?3", EventStatus.PUBLISHED,
                PortalClock.startOf(tomorrow), PortalClock.startOf(tomorrow.plusDays(1)))) {
            for (Registration r : Registration.<Registration>list("eventId = ?1 and status = ?2", e.id,
                    RegistrationStatus.REGISTERED)) {
                queued += mails.reminder(e, r) ? 1 : 0;
            }
        }
        return queued;
    }
}

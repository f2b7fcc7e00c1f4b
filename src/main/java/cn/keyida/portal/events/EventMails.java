package cn.keyida.portal.events;

import cn.keyida.portal.mail.MailAttachment;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The event mails, rendered into the mail outbox in the transaction of the change they report. */
@ApplicationScoped
class EventMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance eventRegistered(Event e, Registration r, String baseUrl);

        static native TemplateInstance eventRegistered$subject(Event e);

        static native TemplateInstance eventWaitlisted(Event e, Registration r, long place, String baseUrl);

        static native TemplateInstance eventWaitlisted$subject(Event e);

        static native TemplateInstance eventPromoted(Event e, Registration r, String baseUrl);

        static native TemplateInstance eventPromoted$subject(Event e);

        static native TemplateInstance eventCancelled(Event e, Registration r, String reason, String baseUrl);

        static native TemplateInstance eventCancelled$subject(Event e);

        static native TemplateInstance eventRate(Event e, Registration r, String token, String baseUrl);

        static native TemplateInstance eventRate$subject(Event e);

        static native TemplateInstance eventReminder(Event e, Registration r, String baseUrl);

        static native TemplateInstance eventReminder$subject(Event e);
    }

    private final String baseUrl;
    private final EventCalendar calendar;

    EventMails(WebConfig web, EventCalendar calendar) {
        this.baseUrl = web.baseUrl();
        this.calendar = calendar;
    }

    /** The confirmation, with the registration's .ics attached (text/calendar, read by any calendar program). */
    void registered(Event e, Registration r) {
        MailOutbox.queue(r.email, Templates.eventRegistered$subject(e).render(),
                Templates.eventRegistered(e, r, baseUrl).render(), List.of(ics(e, r)));
    }

    MailAttachment.File ics(Event e, Registration r) {
        return new MailAttachment.File("event-" + e.id + ".ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                calendar.registration(e, r).getBytes(StandardCharsets.UTF_8));
    }

    void waitlisted(Event e, Registration r, long place) {
        MailOutbox.queue(r.email, Templates.eventWaitlisted$subject(e).render(),
                Templates.eventWaitlisted(e, r, place, baseUrl).render());
    }

    void promoted(Event e, Registration r) {
        MailOutbox.queue(r.email, Templates.eventPromoted$subject(e).render(),
                Templates.eventPromoted(e, r, baseUrl).render(), List.of(ics(e, r)));
    }

    void eventCancelled(Event e, Registration r, String reason) {
        MailOutbox.queue(r.email, Templates.eventCancelled$subject(e).render(),
                Templates.eventCancelled(e, r, reason, baseUrl).render());
    }

    void rateEvent(Event e, Registration r, String token) {
        MailOutbox.queue(r.email, Templates.eventRate$subject(e).render(),
                Templates.eventRate(e, r, token, baseUrl).render());
    }

    /** Queued once per registration, whichever instance runs the reminders first. */
    boolean reminder(Event e, Registration r) {
        return MailOutbox.hasRecipient(r.email) && MailOutbox.queueOnce("event-reminder-" + r.id, r.email,
                Templates.eventReminder$subject(e).render(), Templates.eventReminder(e, r, baseUrl).render());
    }
}

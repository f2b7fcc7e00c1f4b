package cn.keyida.portal.needs;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.staff.StaffMember;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The mails of the need workflow: plain-text Qute templates under {@code templates/mail/}, the subject
 * a hidden fragment of the same file. They are rendered into the mail outbox, in the transaction of the
 * change they report, so a mail is never lost while the mail server is down.
 */
@ApplicationScoped
class NeedMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance needSubmitted(Need need, String enterprise, String baseUrl);

        static native TemplateInstance needSubmitted$subject(Need need);

        static native TemplateInstance needAccepted(Need need, String enterprise, String note, String handler,
                String baseUrl);

        static native TemplateInstance needAccepted$subject(Need need);

        static native TemplateInstance needReturned(Need need, String reason, String baseUrl);

        static native TemplateInstance needReturned$subject(Need need);

        static native TemplateInstance needAssigned(Need need, String staff, String baseUrl);

        static native TemplateInstance needAssigned$subject(Need need);

        static native TemplateInstance informationRequested(Need need, String question, String baseUrl);

        static native TemplateInstance informationRequested$subject(Need need);

        static native TemplateInstance needResolved(Need need, String enterprise, String token, int linkDays,
                String baseUrl);

        static native TemplateInstance needResolved$subject(Need need);

        static native TemplateInstance needReopened(Need need, String comment, String baseUrl);

        static native TemplateInstance needReopened$subject(Need need);

        static native TemplateInstance assigneeNotice(Need need, String what, String text, String baseUrl);

        static native TemplateInstance assigneeNotice$subject(Need need, String what);

        static native TemplateInstance needsDue(List<Need> needs, LocalDate today, String baseUrl);
    }

    /** A rendered mail; the need submission writes it with its own statement. */
    record Rendered(String subject, String body) {}

    private final String baseUrl;
    private final NeedsConfig config;

    NeedMails(WebConfig web, NeedsConfig config) {
        this.baseUrl = web.baseUrl();
        this.config = config;
    }

    Rendered submitted(Need need, String enterprise) {
        return new Rendered(Templates.needSubmitted$subject(need).render(),
                Templates.needSubmitted(need, enterprise, baseUrl).render());
    }

    /** To the enterprise: its need was accepted, with the deadline and, when already known, who handles it. */
    void accepted(Need need, String note, String handler) {
        MailOutbox.queue(need.enterprise.email, Templates.needAccepted$subject(need).render(),
                Templates.needAccepted(need, need.enterprise.name, note == null ? "" : note.strip(),
                        handler == null ? "" : handler, baseUrl).render());
    }

    void returned(Need need, String reason) {
        MailOutbox.queue(need.enterprise.mailAddress(), Templates.needReturned$subject(need).render(),
                Templates.needReturned(need, reason, baseUrl).render());
    }

    void assigned(Need need, StaffMember staff) {
        MailOutbox.queue(staff.email, Templates.needAssigned$subject(need).render(),
                Templates.needAssigned(need, staff.displayName, baseUrl).render());
    }

    void informationRequested(Need need, String question) {
        MailOutbox.queue(need.enterprise.mailAddress(), Templates.informationRequested$subject(need).render(),
                Templates.informationRequested(need, question, baseUrl).render());
    }

    void resolved(Need need, String callbackToken) {
        MailOutbox.queue(need.enterprise.mailAddress(), Templates.needResolved$subject(need).render(),
                Templates.needResolved(need, need.enterprise.name, callbackToken, config.callbackLinkDays(), baseUrl)
                        .render());
    }

    void reopened(Need need, StaffMember supervisor, String comment) {
        MailOutbox.queue(supervisor.email, Templates.needReopened$subject(need).render(),
                Templates.needReopened(need, comment == null ? "" : comment, baseUrl).render());
    }

    void toAssignee(Need need, StaffMember assignee, String what, String text) {
        MailOutbox.queue(assignee.email, Templates.assigneeNotice$subject(need, what).render(),
                Templates.assigneeNotice(need, what, text == null ? "" : text, baseUrl).render());
    }

    /** Queued once per person and day, whichever instance runs the reminders first. */
    boolean due(String dedupeKey, String recipient, String subject, List<Need> needs, LocalDate today) {
        return MailOutbox.queueOnce(dedupeKey, recipient, subject, Templates.needsDue(needs, today, baseUrl).render());
    }
}

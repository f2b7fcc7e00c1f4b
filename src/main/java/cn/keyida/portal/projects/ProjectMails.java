package cn.keyida.portal.projects;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The project mails, queued in the outbox in the transaction of the decision they report: to the
 * applicant (its verified address only) and to the bureau's project mailbox.
 */
@ApplicationScoped
class ProjectMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance projectStep(String to, ProjectApplication a, String step, String detail, String link);

        static native TemplateInstance projectStep$subject(ProjectApplication a, String step);
    }

    private final String baseUrl;
    private final ProjectsConfig config;

    ProjectMails(WebConfig web, ProjectsConfig config) {
        this.baseUrl = web.baseUrl();
        this.config = config;
    }

    void toApplicant(ProjectApplication a, String step, String detail) {
        if (a.applicantEmail != null && !a.applicantEmail.isBlank()) {
            send(a.applicantEmail, a.applicantName, a, step, detail, baseUrl + "/my/projects/" + a.id);
        }
    }

    void toStaff(ProjectApplication a, String step, String detail) {
        send(config.staffMailbox(), "科技计划项目管理员", a, step, detail, baseUrl + "/staff/projects/" + a.id);
    }

    /** Once per key, whichever instance runs the morning job first. */
    boolean onceToApplicant(String key, ProjectApplication a, String step, String detail) {
        if (a.applicantEmail == null || a.applicantEmail.isBlank()) {
            return false;
        }
        return MailOutbox.queueOnce(key, a.applicantEmail, Templates.projectStep$subject(a, step).render(),
                Templates.projectStep(a.applicantName, a, step, detail, baseUrl + "/my/projects/" + a.id).render());
    }

    boolean onceToStaff(String key, ProjectApplication a, String step, String detail) {
        return MailOutbox.queueOnce(key, config.staffMailbox(), Templates.projectStep$subject(a, step).render(),
                Templates.projectStep("科技计划项目管理员", a, step, detail, baseUrl + "/staff/projects/" + a.id).render());
    }

    private void send(String address, String name, ProjectApplication a, String step, String detail, String link) {
        MailOutbox.queue(address, Templates.projectStep$subject(a, step).render(),
                Templates.projectStep(name, a, step, detail == null ? "" : detail, link).render());
    }
}

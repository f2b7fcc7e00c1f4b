package cn.keyida.portal.experts;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** The pool's mails, queued in the outbox in the transaction of the decision they report. */
@ApplicationScoped
class ExpertMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance expertDecision(Expert e, String step, String reason, String baseUrl);

        static native TemplateInstance expertDecision$subject(String step);

        static native TemplateInstance expertAssignment(String to, ExpertAssignment a, String step, String detail,
                String link);

        static native TemplateInstance expertAssignment$subject(ExpertAssignment a, String step);

        static native TemplateInstance expertNamedForVoucher(String name, String service, String amount, String link);

        static native TemplateInstance expertNamedForVoucher$subject();

        static native TemplateInstance expertDrawnToReview(String name, String what, java.time.LocalDate due, String link);

        static native TemplateInstance expertDrawnToReview$subject();
    }

    private final String baseUrl;
    private final ExpertsConfig config;

    ExpertMails(WebConfig web, ExpertsConfig config) {
        this.baseUrl = web.baseUrl();
        this.config = config;
    }

    /** A decision on the expert's entry (review, pause, removal, confirmation). */
    void decision(Expert e, String step, String reason) {
        MailOutbox.queue(e.email, Templates.expertDecision$subject(step).render(),
                Templates.expertDecision(e, step, reason == null ? "" : reason, baseUrl).render());
    }

    /** Once per expert and confirmation date, whichever instance runs the morning job first. */
    boolean confirmationDue(Expert e) {
        if (!MailOutbox.hasRecipient(e.email)) {
            return false;
        }
        String step = "请于 " + e.confirmBy + " 前完成专家库年度确认";
        return MailOutbox.queueOnce("expert-confirm-" + e.id + "-" + e.confirmBy, e.email,
                Templates.expertDecision$subject(step).render(),
                Templates.expertDecision(e, step, "逾期未确认的专家将被暂停，不再参与咨询和评审，确认后恢复。", baseUrl).render());
    }

    void toExpert(Expert e, ExpertAssignment a, String step, String detail) {
        MailOutbox.queue(e.email, Templates.expertAssignment$subject(a, step).render(),
                Templates.expertAssignment(e.name, a, step, detail, baseUrl + "/expert/assignments/" + a.id).render());
    }

    void toStaff(ExpertAssignment a, String step, String detail) {
        MailOutbox.queue(config.staffMailbox(), Templates.expertAssignment$subject(a, step).render(),
                Templates.expertAssignment("专家库管理员", a, step, detail,
                        baseUrl + "/staff/experts/needs/" + a.needId).render());
    }

    void toEnterprise(String address, String name, ExpertAssignment a, String step, String detail) {
        MailOutbox.queue(address, Templates.expertAssignment$subject(a, step).render(),
                Templates.expertAssignment(name, a, step, detail, baseUrl + "/my/needs/" + a.trackingNo).render());
    }

    /** An expert named to review a voucher application (vouchers asks through {@link ExpertNotices}). */
    void namedForVoucher(Expert e, String service, String amount, String link) {
        MailOutbox.queue(e.email, Templates.expertNamedForVoucher$subject().render(),
                Templates.expertNamedForVoucher(e.name, service, amount, baseUrl + link).render());
    }

    void drawnToReview(Expert e, String what, java.time.LocalDate due, String link) {
        MailOutbox.queue(e.email, Templates.expertDrawnToReview$subject().render(),
                Templates.expertDrawnToReview(e.name, what, due, baseUrl + link).render());
    }
}

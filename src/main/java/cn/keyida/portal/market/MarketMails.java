package cn.keyida.portal.market;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The market's mails, rendered into the outbox in the transaction of the change they report. */
@ApplicationScoped
class MarketMails {

    record Candidate(String title, String score, String reason, String link) {}

    record Stuck(long id, String title, String status, String since) {}

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance marketDecision(String owner, String kind, String title, String decision,
                String note, String link, String baseUrl);

        static native TemplateInstance marketDecision$subject(String kind, String title, String decision);

        static native TemplateInstance marketMatches(String owner, String kind, String title,
                List<Candidate> candidates, String baseUrl);

        static native TemplateInstance marketMatches$subject(String title, List<Candidate> candidates);

        static native TemplateInstance marketCase(long id, String title, String what, String note, String link,
                String baseUrl);

        static native TemplateInstance marketCase$subject(long id, String what);

        static native TemplateInstance marketCasesStuck(List<Stuck> cases, String baseUrl);
    }

    private final String baseUrl;

    MarketMails(WebConfig web) {
        this.baseUrl = web.baseUrl();
    }

    void decision(MarketItem item, String decision, String note) {
        MailOutbox.queue(item.ownerEmail, Templates.marketDecision$subject(item.kind.label, item.title, decision).render(),
                Templates.marketDecision(item.ownerName, item.kind.label, item.title, decision,
                        note == null ? "" : note, "/my/market/" + item.id, baseUrl).render());
    }

    /** One message per item and candidate set; the caller dedupes by pair. */
    boolean matches(String dedupeKey, MarketItem item, List<Candidate> candidates) {
        if (!MailOutbox.hasRecipient(item.ownerEmail)) {
            return false;
        }
        return MailOutbox.queueOnce(dedupeKey, item.ownerEmail, Templates.marketMatches$subject(item.title, candidates).render(),
                Templates.marketMatches(item.ownerName, item.kind.label, item.title, candidates, baseUrl).render());
    }

    void ofCase(String recipient, MarketCase c, String what, String note, String link) {
        MailOutbox.queue(recipient, Templates.marketCase$subject(c.id, what).render(),
                Templates.marketCase(c.id, c.title(), what, note == null ? "" : note, link, baseUrl).render());
    }

    boolean stuck(String dedupeKey, String recipient, List<Stuck> cases) {
        return MailOutbox.queueOnce(dedupeKey, recipient, "【科易达】" + cases.size() + " 个对接案例停滞待跟进",
                Templates.marketCasesStuck(cases, baseUrl).render());
    }
}

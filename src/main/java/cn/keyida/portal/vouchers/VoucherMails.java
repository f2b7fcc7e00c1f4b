package cn.keyida.portal.vouchers;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The voucher mails, queued in the outbox in the transaction of the step they report: to the enterprise
 * (its verified address only), to the provider, and to the bureau's voucher mailbox for steps staff act on.
 */
@ApplicationScoped
class VoucherMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance voucherStep(String to, Voucher v, String step, String detail, String link);

        static native TemplateInstance voucherStep$subject(Voucher v, String step);

        static native TemplateInstance providerReviewed(VoucherProvider p, String baseUrl);

        static native TemplateInstance providerReviewed$subject(VoucherProvider p);
    }

    private final String baseUrl;
    private final VouchersConfig config;

    VoucherMails(WebConfig web, VouchersConfig config) {
        this.baseUrl = web.baseUrl();
        this.config = config;
    }

    void toEnterprise(String address, String name, Voucher v, String step, String detail) {
        send(address, name, v, step, detail, baseUrl + "/my/vouchers/" + v.id);
    }

    void toProvider(VoucherProvider p, Voucher v, String step, String detail) {
        send(p.email, p.name, v, step, detail, baseUrl + "/provider/vouchers/" + v.id);
    }

    void toStaff(Voucher v, String step, String detail) {
        send(config.staffMailbox(), "创新券管理员", v, step, detail, baseUrl + "/staff/vouchers/" + v.id);
    }

    private void send(String address, String name, Voucher v, String step, String detail, String link) {
        MailOutbox.queue(address, Templates.voucherStep$subject(v, step).render(),
                Templates.voucherStep(name, v, step, detail == null ? "" : detail, link).render());
    }

    /** Once per voucher and recipient, whichever instance runs the morning job first. */
    boolean expirySoon(String address, String name, Voucher v, boolean provider) {
        if (!MailOutbox.hasRecipient(address)) {
            return false;
        }
        String step = "将于 " + v.validUntil + " 到期，请尽快确认服务合同";
        return MailOutbox.queueOnce("voucher-expiry-" + v.id + "-" + address, address,
                Templates.voucherStep$subject(v, step).render(),
                Templates.voucherStep(name, v, step, "到期未确认服务合同的创新券将自动失效，预算收回。",
                        baseUrl + (provider ? "/provider/vouchers/" : "/my/vouchers/") + v.id).render());
    }

    void providerReviewed(VoucherProvider p) {
        MailOutbox.queue(p.email, Templates.providerReviewed$subject(p).render(),
                Templates.providerReviewed(p, baseUrl).render());
    }
}

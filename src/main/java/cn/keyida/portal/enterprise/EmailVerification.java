package cn.keyida.portal.enterprise;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.Csrf;
import cn.keyida.portal.web.InvalidInputException;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a profile's e-mail address with a signed link mailed to it: HMAC(key, profile, address,
 * expiry), so the link proves that whoever opens it read that mailbox, and it verifies only the address
 * it was sent to. The key is the portal's signing key (portal.csrf.signature-key, the same on every
 * instance), with its own purpose in the signed text. Opening the link needs the enterprise's login, so
 * a mail scanner following it verifies nothing. Until then the portal mails the address nothing else.
 */
@ApplicationScoped
class EmailVerification {

    static final Duration VALIDITY = Duration.ofDays(2);
    /** At most one link per address in this time, however often "resend" is pressed. */
    static final Duration RESEND_EVERY = Duration.ofMinutes(5);

    private final String key;
    private final String baseUrl;

    EmailVerification(Csrf.Config csrf, WebConfig web) {
        this.key = csrf.signatureKey();
        this.baseUrl = web.baseUrl();
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance emailVerification(String token, long days, String baseUrl);

        static native TemplateInstance emailVerification$subject();
    }

    /** Queues the link to the profile's address, in the caller's transaction; false if one went out just now. */
    boolean send(EnterpriseProfile p) {
        Instant now = Instant.now();
        String token = token(p, now.plus(VALIDITY));
        long slot = now.getEpochSecond() / RESEND_EVERY.toSeconds();
        String dedupe = "email-verify:" + p.id + ":" + slot + ":" + sign(p.email.toLowerCase(Locale.ROOT)).substring(0, 16);
        return MailOutbox.queueOnce(dedupe, p.email, Templates.emailVerification$subject().render(),
                Templates.emailVerification(token, VALIDITY.toDays(), baseUrl).render());
    }

    /** Marks the address of this login's profile verified if the token was made for it and has not expired. */
    @Transactional
    public void verify(String subject, String token) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
        String[] parts = token == null ? new String[0] : token.split("\\.", 2);
        long expires;
        try {
            expires = parts.length == 2 ? Long.parseLong(parts[0]) : 0;
        } catch (NumberFormatException e) {
            expires = 0;
        }
        if (p == null || p.email == null || p.email.isBlank() || expires < Instant.now().getEpochSecond()
                || !MessageDigest.isEqual(token(p, Instant.ofEpochSecond(expires)).getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidInputException("邮箱验证链接无效或已过期（链接只对发送时填写的邮箱有效，且须用该企业账号登录），"
                    + "请在“企业信息”页面重新发送验证邮件。");
        }
        if (p.emailVerifiedAt == null) {
            p.emailVerifiedAt = Instant.now();
        }
    }

    String token(EnterpriseProfile p, Instant expires) {
        return expires.getEpochSecond() + "." + sign("email-verification\n" + p.id + "\n"
                + p.email.toLowerCase(Locale.ROOT) + "\n" + expires.getEpochSecond());
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

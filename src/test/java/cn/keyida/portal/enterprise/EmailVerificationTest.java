package cn.keyida.portal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 12: the portal mails a profile's address only once it is verified. A changed address
 * that is not the account's verified e-mail gets the signed verification link and nothing else; after
 * the link is opened (by the enterprise's own login), the need mails go there.
 */
@QuarkusTest
class EmailVerificationTest {

    private static final Pattern LINK = Pattern.compile("/my/profile/verify\\?t=([0-9]+\\.[A-Za-z0-9_-]+)");

    @Inject
    NeedSubmission needs;

    @Test
    void aChangedAddressGetsNoNeedMailUntilItsLinkIsOpened() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        String stranger = "stranger-" + System.nanoTime() + "@example.org";
        UserSession session = new UserSession("enterprise1");
        try {
            save(session, stranger).then().statusCode(303);
            assertThat(profile(a).email).isEqualTo(stranger);
            assertThat(profile(a).emailVerifiedAt).isNull();
            session.request().get("/my/profile").then().statusCode(200)
                    .body(containsString("未验证"), containsString("重新发送验证邮件"));

            // a need with a phishing line in its title: its mail must not reach the unverified address
            String before = submit(a, "请立即点击 http://phish.example 领取补贴");
            assertThat(queuedTo(stranger)).as("mails queued to the unverified address")
                    .allMatch(subject -> subject.contains("验证"));
            Mailbox.Message mail = Mailbox.await(stranger, m -> m.subject().contains("验证"), Duration.ofSeconds(20));
            assertThat(mail.body()).doesNotContain("phish");
            Matcher link = LINK.matcher(mail.body());
            assertThat(link.find()).as("verification link in %s", mail.body()).isTrue();
            String token = link.group(1);

            // the link is bound to the profile's login and to its exact text
            new UserSession("enterprise2").request().get("/my/profile/verify?t=" + token).then().statusCode(400);
            String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
            session.request().get("/my/profile/verify?t=" + forged).then().statusCode(400)
                    .body(containsString("验证链接无效"));
            String later = (Long.parseLong(token.split("\\.")[0]) + 86_400) + "." + token.split("\\.")[1];
            session.request().get("/my/profile/verify?t=" + later).then().statusCode(400);
            assertThat(profile(a).emailVerifiedAt).isNull();

            session.request().get("/my/profile/verify?t=" + token).then().statusCode(303);
            assertThat(profile(a).emailVerifiedAt).isNotNull();
            session.request().get("/my/profile?email=verified").then().statusCode(200)
                    .body(containsString("联系邮箱已验证"), not(containsString("未验证")));

            String after = submit(a, "验证后的需求");
            Mailbox.await(stranger, m -> m.subject().contains(after), Duration.ofSeconds(20));
            assertThat(Mailbox.messages(stranger)).noneMatch(m -> m.subject().contains(before));
        } finally {
            // back to the account's own address, which Keycloak verified: no link needed
            save(session, "enterprise1@example.com").then().statusCode(303);
            assertThat(profile(a).emailVerifiedAt).isNotNull();
        }
    }

    @Test
    void theAccountsVerifiedAddressNeedsNoLink() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        assertThat(profile(a).emailVerifiedAt).isNotNull();
        assertThat(queuedTo(a.email)).noneMatch(subject -> subject.contains("请验证"));
    }

    private static Response save(UserSession session, String email) {
        EnterpriseProfile p = QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.<EnterpriseProfile>findById(
                Enterprises.enterpriseA().id));
        session.open("/my/profile");
        var form = session.form();
        p.formValues().forEach((k, v) -> form.formParam(k, k.equals("email") ? email : v == null ? "" : v));
        p.qualifications.forEach(q -> form.formParam("qualifications", q));
        if (p.policyMail) {
            form.formParam("policyMail", "true");
        }
        return form.post("/my/profile");
    }

    private static EnterpriseProfile profile(EnterpriseProfile a) {
        return QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.<EnterpriseProfile>findById(a.id));
    }

    private static List<String> queuedTo(String recipient) {
        return QuarkusTransaction.requiringNew().call(() ->
                MailOutbox.<MailOutbox>list("recipient", recipient).stream().map(m -> m.subject).toList());
    }

    private String submit(EnterpriseProfile a, String title) {
        Need need = needs.submit(a.subject, new NeedSubmission.Submission("TECH", title + System.nanoTime(), "描述", "",
                BigDecimal.ONE, null, true), List.of(), "王建国（enterprise1）").orElseThrow();
        return need.trackingNo;
    }
}

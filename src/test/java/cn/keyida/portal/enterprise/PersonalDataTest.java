package cn.keyida.portal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedAttachment;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.needs.NeedStatus;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An enterprise downloads, then deletes, its personal data (PIPL). */
@QuarkusTest
class PersonalDataTest {

    @Inject
    NeedSubmission needs;

    @Test
    void exportContainsEverythingAndDeleteRemovesThePersonalData() {
        EnterpriseProfile b = Enterprises.enterpriseB();
        Need need = needs.submit(b.subject, new NeedSubmission.Submission("TECH", "个人信息测试需求", "联系人手机 13900001111", "",
                BigDecimal.ONE, null, true), List.of(new NeedSubmission.Upload("营业执照.pdf",
                "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))), "李红梅（enterprise2）").orElseThrow();
        UserSession session = new UserSession("enterprise2");
        session.request().get("/my/data/export.json").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString(b.name), containsString(b.creditCode), containsString(need.trackingNo),
                        containsString("营业执照.pdf"), containsString("13900001111"));

        session.open("/my/data").then().statusCode(200);
        session.form().formParam("confirm", "不").post("/my/data/delete").then().statusCode(400)
                .body(containsString("请在确认框中输入"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.findBySubject(b.subject))).isPresent();

        session.form().formParam("confirm", "删除").post("/my/data/delete").then().statusCode(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.findBySubject(b.subject))).isEmpty();
        EnterpriseProfile anonymised = QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.<EnterpriseProfile>findById(b.id));
        assertThat(List.of(anonymised.name, anonymised.creditCode, anonymised.mobile, anonymised.email))
                .doesNotContain(b.name, b.creditCode, b.mobile, b.email);
        Need after = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(need.id));
        assertThat(after.status).isEqualTo(NeedStatus.WITHDRAWN);
        assertThat(after.description).doesNotContain("13900001111");
        assertThat(QuarkusTransaction.requiringNew().call(() -> NeedAttachment.count("needId", need.id))).isZero();
        session.request().get("/my/data/export.json").then().statusCode(200).body(containsString("\"企业信息\":null"));
    }
}

package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Tokens;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear Chinese message next to the field, and nothing is stored. */
@QuarkusTest
class NeedInputTest {

    UserSession enterprise;

    @BeforeEach
    void profile() {
        Enterprises.enterpriseA();
        enterprise = new UserSession("enterprise1");
    }

    @Test
    void withoutAProfileNoNeedIsStoredAndBadProfileInputIsExplained() {
        String account = Tokens.newEnterpriseAccount(); // a new enterprise: no profile yet
        UserSession newcomer = new UserSession(account);
        String subject = Enterprises.subject(account);
        newcomer.open("/my/profile").then().statusCode(200);
        // Without a profile a need is not stored, valid or not: the enterprise fills in its profile first.
        long before = needCount();
        newcomer.multipart().multiPart("category", "TECH").multiPart("title", "没有企业档案的需求").multiPart("description", "描述")
                .multiPart("consent", "on").post("/my/needs").then().statusCode(303)
                .header("Location", containsString("/my/profile?next=/my/needs/new"));
        newcomer.multipart().multiPart("category", "TECH").multiPart("title", "").multiPart("description", "描述")
                .post("/my/needs").then().statusCode(303).header("Location", containsString("/my/profile?next="));
        assertThat(needCount()).isEqualTo(before);
        newcomer.form().formParam("name", "测试企业").formParam("creditCode", "914403001922038217")
                .formParam("district", "利州区").formParam("industry", "电子信息").formParam("contactPerson", "李红梅")
                .formParam("mobile", "12345").formParam("email", "not-an-email")
                .post("/my/profile").then().statusCode(400)
                .body(containsString("统一社会信用代码校验位不正确"), containsString("href=\"#f-creditCode\""),
                        containsString("手机"), containsString("电子邮箱"), containsString("value=\"测试企业\""));
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.findBySubject(subject))).isEmpty();
    }

    @Test
    void missingConsentAndMissingFieldsAreExplained() {
        long before = needCount();
        enterprise.open("/my/needs/new");
        enterprise.multipart().multiPart("category", "TECH").multiPart("title", "").multiPart("description", "描述")
                .post("/my/needs").then().statusCode(400)
                .body(containsString("请填写需求标题"), containsString("请阅读并同意"), containsString("id=\"e-consent\""));
        assertThat(needCount()).isEqualTo(before);
    }

    @Test
    void disguisedOrOversizedAttachmentsAreRefused() {
        long before = needCount();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        valid().multiPart("files", "报价单.pdf", exe, "application/pdf").post("/my/needs").then().statusCode(400)
                .body(containsString("文件内容与扩展名不符"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        valid().multiPart("files", "big.pdf", big, "application/pdf").post("/my/needs").then().statusCode(400)
                .body(containsString("文件过大"));
        valid().multiPart("files", "setup.exe", exe, "application/octet-stream").post("/my/needs").then().statusCode(400)
                .body(containsString("不受支持"));
        assertThat(needCount()).isEqualTo(before);
    }

    @Test
    void tenThousandCharacterFieldsAreRefused() {
        long before = needCount();
        enterprise.open("/my/needs/new");
        enterprise.multipart().multiPart("category", "TECH").multiPart("title", "长".repeat(10_000))
                .multiPart("description", "描".repeat(10_000)).multiPart("consent", "on")
                .post("/my/needs").then().statusCode(400)
                .body(containsString("需求标题不能超过 100 个字"), containsString("需求描述不能超过 5000 个字"));
        assertThat(needCount()).isEqualTo(before);
    }

    @Test
    void scriptInTextIsStoredAsTextAndShownEscaped() {
        String title = "<script>alert('xss')</script>需求" + System.nanoTime();
        var response = valid(title).post("/my/needs");
        response.then().statusCode(303);
        String no = response.header("Location").replaceAll(".*/my/needs/(XQ-[0-9-]+).*", "$1");
        enterprise.open("/my/needs/" + no).then().statusCode(200)
                .body(not(containsString("<script>alert('xss')")), containsString("&lt;script&gt;"));
        UserSession staff = new UserSession("staff1");
        staff.request().get("/staff/needs").then().statusCode(200)
                .body(not(containsString("<script>alert('xss')")), containsString("&lt;script&gt;"));
    }

    @Test
    void anotherEnterprisesNeedIsNotFoundByAnyUrl() {
        var response = valid("企业甲的需求" + System.nanoTime()).post("/my/needs");
        response.then().statusCode(303);
        String no = response.header("Location").replaceAll(".*/my/needs/(XQ-[0-9-]+).*", "$1");
        Enterprises.enterpriseB();
        UserSession other = new UserSession("enterprise2");
        other.open("/my/needs").then().statusCode(200).body(not(containsString(no)));
        other.open("/my/needs/" + no).then().statusCode(404);
        other.open("/my/profile");
        other.form().formParam("version", "0").formParam("text", "试图修改").post("/my/needs/" + no + "/info")
                .then().statusCode(404);
        other.form().formParam("version", "0").post("/my/needs/" + no + "/withdraw").then().statusCode(404);
        long attachment = QuarkusTransaction.requiringNew().call(() -> NeedAttachment.<NeedAttachment>find(
                "needId = (select id from Need where trackingNo = ?1)", no).firstResult().id);
        other.request().get("/my/needs/" + no + "/attachments/" + attachment).then().statusCode(404);
        enterprise.request().get("/my/needs/" + no + "/attachments/" + attachment).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"));
    }

    private RequestSpecification valid() {
        return valid("设备改造需求" + System.nanoTime());
    }

    private RequestSpecification valid(String title) {
        enterprise.open("/my/needs/new");
        return enterprise.multipart().multiPart("category", "TECH").multiPart("title", title)
                .multiPart("description", "需要专家指导").multiPart("consent", "on")
                .multiPart("files", "说明.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "application/pdf");
    }

    private static long needCount() {
        return QuarkusTransaction.requiringNew().call(() -> Need.count());
    }
}

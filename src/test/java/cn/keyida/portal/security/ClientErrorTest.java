package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 11: the client mistakes that were answered 500 (and logged as errors) are 400
 * pages in Chinese, and a refused need takes no tracking number.
 */
@QuarkusTest
class ClientErrorTest {

    @Inject
    EntityManager em;

    @Test
    void aLoginReturnAddressWithControlCharactersIsRefused() {
        UserSession user = new UserSession("enterprise1");
        for (String next : new String[] {"/%09/evil.com", "/%0D%0ASet-Cookie:x=1", "/%00x"}) {
            chinese400(user.request().urlEncodingEnabled(false).get("/login/start?next=" + next), next);
        }
        user.request().get("/login/start?next=/my/needs").then().statusCode(303)
                .header("Location", containsString("/my/needs"));
    }

    @Test
    void hugePageNumbersAreRefused() {
        UserSession staff = new UserSession("staff1");
        chinese400(staff.request().get("/staff/needs?page=71582790"), "needs page");
        chinese400(staff.request().get("/staff/needs?page=99999999999999"), "needs page beyond int");
        chinese400(staff.request().get("/staff/content?page=2147483647"), "content page");
    }

    @Test
    void extremeDatesAreRefused() {
        UserSession staff = new UserSession("staff1");
        for (String path : new String[] {"/staff/needs/export.csv", "/staff/needs/export.xlsx", "/staff/dashboard",
                "/staff/needs"}) {
            chinese400(staff.request().urlEncodingEnabled(false).get(path + "?from=-999999999-01-01"), path + " from");
            chinese400(staff.request().urlEncodingEnabled(false).get(path + "?to=%2B999999999-12-31"), path + " to");
        }
        staff.open("/staff/content/new?type=policy");
        chinese400(staff.form().formParam("type", "policy").formParam("id", "pol-extreme-date").formParam("title", "标题")
                .formParam("publish_date", "+999999999-12-31").post("/staff/content"), "publish_date");
    }

    @Test
    void controlCharactersInNamesAndTitlesAreRefusedWithoutTakingATrackingNumber() {
        Enterprises.enterpriseA();
        UserSession enterprise = new UserSession("enterprise1");
        for (String bad : new String[] {"测试\u0000企业", "测试\u0001企业"}) {
            enterprise.open("/my/profile");
            chinese400(enterprise.form().formParam("name", bad).formParam("creditCode", "914403001922038216")
                    .formParam("district", "利州区").formParam("industry", "新材料").formParam("contactPerson", "王建国")
                    .formParam("mobile", "13900001111").formParam("email", "enterprise1@example.com")
                    .post("/my/profile"), "profile name");
        }
        long numbers = trackingNumbersTaken();
        for (String bad : new String[] {"需求\u0000标题", "需求\u0001标题"}) {
            enterprise.open("/my/needs/new");
            chinese400(enterprise.multipart().multiPart("category", "TECH").multiPart("title", bad)
                    .multiPart("description", "描述").multiPart("consent", "on").post("/my/needs"), "need title");
        }
        assertThat(trackingNumbersTaken()).as("tracking numbers taken by refused needs").isEqualTo(numbers);
    }

    @Test
    void aLineBreakInAnUploadedFileNameIsRefused() {
        Enterprises.enterpriseA();
        UserSession enterprise = new UserSession("enterprise1");
        enterprise.open("/my/needs/new");
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Response r = enterprise.multipart().multiPart("category", "TECH").multiPart("title", "文件名测试")
                .multiPart("description", "描述").multiPart("consent", "on")
                .multiPart("files", "a\r\nX-Injected: 1.pdf", pdf, "application/pdf").post("/my/needs");
        assertThat(r.statusCode()).as("CRLF file name").isLessThan(500);
        assertThat(r.statusCode()).isIn(303, 400);
    }

    @Test
    void aThousandAndOneFormFieldsAreRefused() {
        UserSession anonymous = UserSession.anonymous();
        anonymous.open("/matching");
        var form = anonymous.form();
        for (int i = 0; i < 1001; i++) {
            form = form.formParam("f" + i, "x");
        }
        Response r = form.post("/callback/" + "A".repeat(43));
        assertThat(r.statusCode()).as("1001 fields").isEqualTo(400);
        assertThat(r.asString()).containsPattern("\\p{IsHan}");
    }

    private static void chinese400(Response r, String what) {
        assertThat(r.statusCode()).as(what).isEqualTo(400);
        assertThat(r.asString()).as(what).containsPattern("请求参数有误|超出|控制字符");
    }

    private long trackingNumbersTaken() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(last), 0) from need_number").getSingleResult()).longValue());
    }
}

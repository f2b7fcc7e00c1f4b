package cn.keyida.portal.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pool's forms: Chinese field errors with a 400, stale forms with a 409, and nothing changed by either. */
@QuarkusTest
class ExpertPagesTest {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Inject
    ExpertRegistry registry;

    @Test
    void theRegistrationFormShowsChineseFieldErrorsAndSaves() {
        UserSession expert = new UserSession("expert6");
        String page = expert.open("/expert/profile").then().statusCode(200).extract().asString();
        String version = version(page);
        expert.form().formParam("version", version).formParam("name", "").formParam("organisation", "广元市环境科学研究所")
                .formParam("title", "高级工程师").formParam("fields", "07").formParam("modes", "CONSULT")
                .formParam("phone", "123").formParam("email", "expert6@example.com")
                .post("/expert/profile").then().statusCode(400)
                .body(containsString("请填写姓名"), containsString("手机号码应为11位"), containsString("请修改以下 2 处问题"),
                        containsString("value=\"07\" checked"));
        assertThat(version(expert.open("/expert/profile").asString())).isEqualTo(version);
        expert.form().formParam("version", version).formParam("name", "赵敏").formParam("organisation", "广元市环境科学研究所")
                .formParam("title", "高级工程师").formParam("fields", "07").formParam("modes", "CONSULT")
                .formParam("modes", "ONSITE").formParam("specialities", "污水处理、固废资源化")
                .formParam("phone", "13900006666").formParam("email", "expert6@example.com")
                .post("/expert/profile").then().statusCode(303);
        expert.open("/expert").then().statusCode(200).body(containsString("赵敏"), containsString("/expert/vouchers"));
        // an edit, then the same (now stale) form again
        String saved = version(expert.open("/expert/profile").asString());
        expert.form().formParam("version", saved).formParam("name", "赵敏").formParam("organisation", "广元市环境科学研究所")
                .formParam("title", "正高级工程师").formParam("fields", "07").formParam("modes", "CONSULT")
                .formParam("phone", "13900006666").formParam("email", "expert6@example.com")
                .post("/expert/profile").then().statusCode(303);
        expert.open("/expert/profile").then().body(containsString("正高级工程师"));
        expert.form().formParam("version", saved).formParam("name", "赵敏二").formParam("organisation", "x")
                .formParam("title", "x").formParam("fields", "07").formParam("modes", "CONSULT")
                .formParam("phone", "13900006666").formParam("email", "expert6@example.com")
                .post("/expert/profile").then().statusCode(409).body(containsString("刚刚已被其他人处理"));
    }

    @Test
    void staffDecisionsNeedReasonsAndAStaleFormIsA409() {
        String s = "page-" + UUID.randomUUID();
        Expert e = registry.register(s, s, ExpertFixtures.input("0", "钱页面", List.of("03"), "陶瓷基复合材料", s + "@example.com"), "x");
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/experts?status=PENDING&field=03").then().statusCode(200).body(containsString("钱页面"));
        staff.open("/staff/experts/" + e.id).then().statusCode(200).body(containsString("审核入库"), containsString("13912345678"));
        staff.form().formParam("version", e.version).formParam("reason", "")
                .post("/staff/experts/" + e.id + "/return").then().statusCode(400).body(containsString("请填写退回原因"));
        staff.form().formParam("version", e.version)
                .post("/staff/experts/" + e.id + "/admit").then().statusCode(303);
        staff.form().formParam("version", e.version).formParam("reason", "重复提交")
                .post("/staff/experts/" + e.id + "/suspend").then().statusCode(409).body(containsString("刚刚已被其他人处理"));
        staff.form().formParam("version", e.version).post("/staff/experts/" + e.id + "/nonsense").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Expert.<Expert>findById(e.id).status))
                .isEqualTo(ExpertStatus.ACTIVE);
        // the expert's confirmation from the page
        UserSession.anonymous().open("/experts/" + e.id).then().statusCode(200).body(containsString("钱页面"));
    }

    static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("a version field").isTrue();
        return m.group(1);
    }
}

package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.experts.Expert;
import cn.keyida.portal.experts.ExpertStatus;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project cycle through the real pages (Keycloak tokens, CSRF, multipart, PostgreSQL, SMTP): a call,
 * an application with a wrong budget (400, nothing saved) then a right one, the formal review with a stale
 * click (409), the draw and its audit page, the experts' declaration and scores, 拟立项 and 公示.
 */
@QuarkusTest
class ProjectPagesTest {

    static final Pattern ID = Pattern.compile("/(\\d+)$");
    /** Pool experts who can log in (realm users), the only ones in field 08 in the tests. */
    static final List<String> EXPERTS = List.of("expert4", "expert5", "expert6");

    static long idOf(Response r) {
        Matcher m = ID.matcher(r.header("Location"));
        assertThat(m.find()).as(r.header("Location")).isTrue();
        return Long.parseLong(m.group(1));
    }

    static long version(long app) {
        return ProjectFixtures.reload(app).version;
    }

    static void ensurePoolExperts() {
        int i = 0;
        for (String u : EXPERTS) {
            String org = "广元页面测试专家单位" + i++;
            QuarkusTransaction.requiringNew().run(() -> {
                Expert e = Expert.findByUsername(u).orElseGet(Expert::new);
                if (e.id == null) {
                    e.username = u;
                    e.name = "页面专家" + u;
                    e.organisation = org;
                    e.title = "教授";
                    e.phone = "13900004444";
                    e.email = u + "@example.com";
                }
                if (!e.fields.contains("08")) {
                    e.fields = new ArrayList<>(e.fields);
                    e.fields.add("08");
                }
                if (!e.modes.contains("REVIEW")) {
                    e.modes = new ArrayList<>(e.modes);
                    e.modes.add("REVIEW");
                }
                e.status = ExpertStatus.ACTIVE;
                e.persist();
            });
        }
    }

    /** A text part in UTF-8, as browsers send it (RestAssured's default charset is ISO-8859-1). */
    static RequestSpecification part(RequestSpecification r, String name, String value) {
        return r.multiPart(new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name)
                .charset(java.nio.charset.StandardCharsets.UTF_8).build());
    }

    static RequestSpecification application(UserSession s, long call, String amount2) {
        RequestSpecification r = s.multipart();
        String[][] parts = {{"call", String.valueOf(call)}, {"fieldCode", "08"}, {"title", "数字文创内容生成平台"},
            {"summary", "基于大模型的文创内容生成与版权保护。"}, {"requestedAmount", "300000"}, {"selfFunding", "100000"},
            {"budgetItem", "设备费"}, {"budgetAmount", "250000"}, {"budgetItem", "劳务费"}, {"budgetAmount", amount2},
            {"memberName", "王建国"}, {"memberTitle", "高级工程师"}, {"memberOrganisation", "本单位"},
            {"memberRole", "项目负责人"}, {"contactPerson", "王建国"}, {"contactMobile", "13900001111"},
            {"intent", "submit"}};
        for (String[] p : parts) {
            r = part(r, p[0], p[1]);
        }
        return r.multiPart("filePROPOSAL", "申报书.pdf", ProjectFixtures.PDF, "application/pdf");
    }

    @Test
    void callApplicationDrawScoresAndPublicityThroughThePages() {
        var enterprise = Enterprises.enterpriseA();
        ensurePoolExperts();
        UserSession staff = new UserSession("staff1");
        UserSession ent = new UserSession("enterprise1");
        LocalDate today = ProjectFixtures.today();
        String title = "2026年数字创意专项" + System.nanoTime();

        staff.open("/staff/projects/calls").then().statusCode(200);
        RequestSpecification call = staff.form().formParam("programme", "重点研发计划").formParam("title", title)
                .formParam("fields", "08").formParam("totalBudget", "2000000").formParam("maxGrant", "500000")
                .formParam("applyFrom", today.toString()).formParam("applyTo", today.plusDays(20).toString())
                .formParam("requiredFiles", "PROPOSAL").formParam("criterionName", "创新性").formParam("criterionWeight", "60")
                .formParam("criterionName", "可行性").formParam("criterionWeight", "30").formParam("reviewersPerField", "3");
        call.post("/staff/projects/calls").then().statusCode(400).body(containsString("合计应为 100，当前为 90"));
        Response created = staff.form().formParam("programme", "重点研发计划").formParam("title", title)
                .formParam("fields", "08").formParam("totalBudget", "2000000").formParam("maxGrant", "500000")
                .formParam("applyFrom", today.toString()).formParam("applyTo", today.plusDays(20).toString())
                .formParam("requiredFiles", "PROPOSAL").formParam("criterionName", "创新性").formParam("criterionWeight", "60")
                .formParam("criterionName", "可行性").formParam("criterionWeight", "40").formParam("reviewersPerField", "3")
                .post("/staff/projects/calls");
        created.then().statusCode(303);
        long callId = idOf(created);
        long callVersion = QuarkusTransaction.requiringNew().call(() -> ProjectCall.<ProjectCall>findById(callId).version);
        staff.open("/staff/projects/calls/" + callId).then().statusCode(200).body(containsString("发布指南"));
        staff.form().formParam("version", callVersion).post("/staff/projects/calls/" + callId + "/publish").then().statusCode(303);
        staff.form().formParam("version", callVersion).post("/staff/projects/calls/" + callId + "/publish").then()
                .statusCode(409).body(containsString("其他人"));
        UserSession.anonymous().open("/projects").then().statusCode(200).body(containsString(title));

        ent.open("/my/projects/calls/" + callId + "/apply").then().statusCode(200).body(containsString("预算表"));
        long before = QuarkusTransaction.requiringNew().call(() -> ProjectApplication.count("callId", callId));
        application(ent, callId, "149999.999").post("/my/projects/apply").then().statusCode(400)
                .body(containsString("最多保留两位小数"));
        application(ent, callId, "100000").post("/my/projects/apply").then().statusCode(400)
                .body(containsString("不一致"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProjectApplication.count("callId", callId))).isEqualTo(before);
        Response applied = application(ent, callId, "150000").post("/my/projects/apply");
        applied.then().statusCode(303);
        long app = idOf(applied);
        ent.open("/my/projects/" + app).then().statusCode(200).body(containsString("已提交"));
        new UserSession("enterprise2").open("/my/projects/" + app).then().statusCode(404);
        Mailbox.await(enterprise.mailAddress(), m -> m.subject().contains("申报已提交"), Duration.ofSeconds(20));

        staff.open("/staff/projects/" + app).then().statusCode(200).body(containsString("开始形式审查"));
        long v = version(app);
        staff.form().formParam("version", v).post("/staff/projects/" + app + "/start-formal").then().statusCode(303);
        staff.form().formParam("version", v).post("/staff/projects/" + app + "/start-formal").then().statusCode(409);
        staff.form().formParam("version", version(app)).post("/staff/projects/" + app + "/pass-formal").then().statusCode(303);
        staff.open("/staff/projects/calls/" + callId);
        staff.form().formParam("field", "08").formParam("seed", "abc").post("/staff/projects/calls/" + callId + "/draw")
                .then().statusCode(400).body(containsString("随机种子请填写整数"));
        staff.form().formParam("field", "08").formParam("seed", "777").post("/staff/projects/calls/" + callId + "/draw")
                .then().statusCode(303);
        long draw = QuarkusTransaction.requiringNew().call(() -> ReviewerDraw.ofCall(callId).get(0).id);
        staff.open("/staff/projects/draws/" + draw).then().statusCode(200).body(containsString("data-replay=\"true\""))
                .body(containsString("777"));

        List<ProjectReview> reviews = ProjectFixtures.reviews(app);
        assertThat(reviews).extracting(r -> r.expertUsername).containsExactlyInAnyOrderElementsOf(EXPERTS);
        int[] first = {50, 45, 20};
        for (int i = 0; i < reviews.size(); i++) {
            ProjectReview r = reviews.get(i);
            UserSession ex = new UserSession(r.expertUsername);
            ex.open("/expert/projects").then().statusCode(200).body(containsString("数字文创内容生成平台"));
            ex.open("/expert/projects/" + r.id).then().statusCode(200).body(containsString(enterprise.name))
                    .body(not(containsString("data-summary"))).body(containsString("利益冲突声明"));
            ex.form().formParam("version", r.version).post("/expert/projects/" + r.id + "/no-conflict").then().statusCode(303);
            long rv = QuarkusTransaction.requiringNew().call(() -> ProjectReview.<ProjectReview>findById(r.id).version);
            ex.open("/expert/projects/" + r.id).then().body(containsString("data-summary"));
            ex.form().formParam("version", rv).formParam("score", "61").formParam("score", "30").formParam("comment", "好")
                    .post("/expert/projects/" + r.id + "/score").then().statusCode(400).body(containsString("0 至 60"));
            ex.form().formParam("version", rv).formParam("score", String.valueOf(first[i])).formParam("score", "30")
                    .formParam("comment", "技术路线清晰").post("/expert/projects/" + r.id + "/score").then().statusCode(303);
            ex.form().formParam("version", rv).formParam("score", "1").formParam("score", "1").formParam("comment", "改")
                    .post("/expert/projects/" + r.id + "/score").then().statusCode(409);
            if (i < reviews.size() - 1) {
                ex.open("/expert/projects/" + r.id).then().body(containsString("其他专家全部提交评分后才显示"));
            } else {
                ex.open("/expert/projects/" + r.id).then().body(containsString("其他评审专家 2"));
            }
        }
        staff.open("/staff/projects/calls/" + callId).then().statusCode(200).body(containsString("离群"))
                .body(containsString("data-result=\"" + app + "\""));
        staff.open("/staff/projects/" + app);
        staff.form().formParam("version", version(app)).post("/staff/projects/" + app + "/propose").then().statusCode(303);
        staff.open("/staff/projects/calls/" + callId);
        staff.form().post("/staff/projects/calls/" + callId + "/publicity").then().statusCode(303);
        UserSession.anonymous().open("/projects/publicity").then().statusCode(200)
                .body(containsString("数字文创内容生成平台")).body(containsString("登录</a>后可对公示项目提出异议"));
        UserSession other = new UserSession("enterprise2");
        other.open("/projects/publicity").then().body(containsString("提出异议"));
        other.form().formParam("text", " ").post("/projects/publicity/" + app + "/objection").then().statusCode(400)
                .body(containsString("请填写异议内容"));
        other.form().formParam("text", "团队成员与另一项目重复").post("/projects/publicity/" + app + "/objection").then()
                .statusCode(303);
        staff.open("/staff/projects/" + app).then().body(containsString("团队成员与另一项目重复"));
        ent.open("/my/projects/" + app).then().body(containsString("公示中")).body(not(containsString(reviews.get(0).expertName)));
    }
}

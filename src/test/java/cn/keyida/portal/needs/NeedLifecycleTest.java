package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole life of a need through the real pages, Keycloak tokens, PostgreSQL and the SMTP server. */
@QuarkusTest
class NeedLifecycleTest {

    static final Pattern TRACKING = Pattern.compile("/my/needs/(XQ-\\d{8}-\\d{4})");
    static final Pattern CALLBACK = Pattern.compile("/callback/([A-Za-z0-9_-]{43})");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    UserSession enterprise;
    UserSession staff;

    @BeforeEach
    void sessions() {
        Enterprises.enterpriseA();
        enterprise = new UserSession("enterprise1");
        staff = new UserSession("staff1");
        staff.open("/staff/content/new?type=policy"); // a CSRF token also for pages without forms
    }

    @Test
    void submitAcceptAssignFollowUpResolveCallbackClose() {
        String title = "生产线数字化改造技术咨询" + System.nanoTime();
        String no = submit(title);
        enterprise.open("/my/needs/" + no + "?submitted=true").then().statusCode(200)
                .body(containsString(no), containsString("需求已提交"), containsString("提交需求"), containsString("test.pdf"));
        Mailbox.await("enterprise1@example.com", m -> m.subject().contains(no), Duration.ofSeconds(20));

        long id = idOf(no);
        act(id, "accept", "note", "已受理").then().statusCode(303);
        act(id, "assign", "assignee", "staff1").then().statusCode(303);
        act(id, "start").then().statusCode(303);
        staff.open("/staff/needs/" + id);
        staff.form().formParam("kind", "PHONE").formParam("notes", "电话了解企业需求细节").formParam("outcome", "约定下周实地调研")
                .formParam("participants", "张伟；王建国").post("/staff/needs/" + id + "/followup").then().statusCode(303);
        staff.open("/staff/needs/" + id);
        staff.form().formParam("kind", "VISIT").formParam("notes", "实地调研：已对接四川大学专家团队").formParam("public", "on")
                .post("/staff/needs/" + id + "/followup").then().statusCode(303);
        act(id, "resolve", "resolution", "已对接专家团队并完成技术方案论证").then().statusCode(303);
        assertThat(status(id)).isEqualTo(NeedStatus.RESOLVED);

        // the enterprise answers the one-click link from the resolution mail, without logging in
        Mailbox.Message mail = Mailbox.await("enterprise1@example.com",
                m -> m.subject().contains("已办结") && m.subject().contains(no), Duration.ofSeconds(20));
        String token = match(CALLBACK, mail.body());
        UserSession anonymous = UserSession.anonymous();
        anonymous.open("/callback/" + token).then().statusCode(200).body(containsString("已对接专家团队"));
        anonymous.form().formParam("satisfaction", "SATISFIED").formParam("resolved", "YES").formParam("comment", "很及时")
                .post("/callback/" + token).then().statusCode(200).body(containsString("感谢您的评价"));
        assertThat(status(id)).isEqualTo(NeedStatus.CALLBACK_DONE);

        act(id, "close").then().statusCode(303);
        assertThat(status(id)).isEqualTo(NeedStatus.CLOSED);

        // the enterprise sees the public timeline and replies, never the internal notes
        enterprise.open("/my/needs/" + no).then().statusCode(200)
                .body(containsString("受理"), containsString("办结"), containsString("已关闭"),
                        containsString("已对接四川大学专家团队"), not(containsString("电话了解企业需求细节")));
        // and staff see everything, with the history of the hand-overs
        staff.open("/staff/needs/" + id).then().statusCode(200)
                .body(containsString("电话了解企业需求细节"), containsString("分派"), containsString("满意"));
        // the link works once: afterwards it shows the answer recorded, with no form
        anonymous.open("/callback/" + token).then().statusCode(200)
                .body(containsString("您已评价"), containsString("很及时"), not(containsString("提交评价")));
    }

    @Test
    void aResolutionIsRatedOnceMailLinkFirstThenTheNeedPageShowsTheAnswer() {
        String no = submit("评价一次测试甲" + System.nanoTime());
        long id = idOf(no);
        String token = resolveAndGetLink(id, no);
        UserSession anonymous = UserSession.anonymous();
        anonymous.open("/callback/" + token).then().statusCode(200);
        anonymous.form().formParam("satisfaction", "VERY_SATISFIED").formParam("resolved", "YES")
                .formParam("comment", "链接评价").post("/callback/" + token).then().statusCode(200);
        String page = enterprise.open("/my/needs/" + no).then().statusCode(200).extract().asString();
        assertThat(page).contains("您的评价", "非常满意", "已解决", "链接评价").doesNotContain("/my/needs/" + no + "/rate");
        // A second answer through the page (a stale tab, a crafted post) is refused and changes nothing.
        enterprise.form().formParam("version", version(id)).formParam("satisfaction", "UNSATISFIED").formParam("resolved", "NO")
                .post("/my/needs/" + no + "/rate").then().statusCode(409).body(containsString("每轮办理只能评价一次"));
        assertThat(ratings(id)).containsExactly("VERY_SATISFIED");
        Need need = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id));
        assertThat(need.status).isEqualTo(NeedStatus.CALLBACK_DONE);
        assertThat(need.satisfaction).isEqualTo("VERY_SATISFIED");
        // Nor can staff record a phone answer on top of it: the callback is done.
        act(id, "callback", "reached", "true", "satisfaction", "SATISFIED", "resolved", "YES").then().statusCode(409);
        assertThat(ratings(id)).containsExactly("VERY_SATISFIED");
    }

    @Test
    void aResolutionIsRatedOnceNeedPageFirstThenTheMailLinkShowsTheAnswer() {
        String no = submit("评价一次测试乙" + System.nanoTime());
        long id = idOf(no);
        String token = resolveAndGetLink(id, no);
        assertThat(enterprise.open("/my/needs/" + no).then().statusCode(200).extract().asString())
                .contains("/my/needs/" + no + "/rate").doesNotContain("您的评价");
        // the mail link opened in another tab before the enterprise rates on the page
        UserSession anonymous = UserSession.anonymous();
        assertThat(anonymous.open("/callback/" + token).then().statusCode(200).extract().asString()).contains("提交评价");
        enterprise.form().formParam("version", version(id)).formParam("satisfaction", "BASICALLY_SATISFIED")
                .formParam("resolved", "PARTLY").formParam("comment", "页面评价").post("/my/needs/" + no + "/rate")
                .then().statusCode(303);
        assertThat(anonymous.open("/callback/" + token).then().statusCode(200).extract().asString())
                .contains("您已评价", "基本满意", "部分解决", "页面评价").doesNotContain("提交评价");
        anonymous.form().formParam("satisfaction", "UNSATISFIED").formParam("resolved", "NO")
                .post("/callback/" + token).then().statusCode(409).body(containsString("基本满意"));
        assertThat(ratings(id)).containsExactly("BASICALLY_SATISFIED");
        assertThat(status(id)).isEqualTo(NeedStatus.CALLBACK_DONE);
    }

    @Test
    void theEnterprisesNeedPageShowsTheBudgetAndWantedByDateItEntered() {
        enterprise.open("/my/needs/new").then().statusCode(200);
        Response r = enterprise.multipart().multiPart("category", "TECH").multiPart("title", "预算展示测试" + System.nanoTime())
                .multiPart("description", "我公司需要对接检测机构，开展新材料性能检测与认证服务。")
                .multiPart("budget", "12.5").multiPart("wantedBy", "2027-03-31").multiPart("consent", "on")
                .post("/my/needs");
        r.then().statusCode(303);
        String no = match(TRACKING, r.header("Location"));
        String page = enterprise.open("/my/needs/" + no).then().statusCode(200).extract().asString();
        assertThat(page).containsPattern("预算</dt><dd class=\"need-budget\">12.5 万元</dd>")
                .containsPattern("期望完成日期</dt><dd class=\"need-wanted-by\">2027-03-31</dd>");
        // Not entered: said so, not left out.
        String other = submit("未填期望日期" + System.nanoTime());
        assertThat(enterprise.open("/my/needs/" + other).then().statusCode(200).extract().asString())
                .contains("<dd class=\"need-budget\">30 万元</dd>", "<dd class=\"need-wanted-by\">未填写</dd>");
    }

    private String resolveAndGetLink(long id, String no) {
        act(id, "accept").then().statusCode(303);
        act(id, "assign", "assignee", "staff1").then().statusCode(303);
        act(id, "start").then().statusCode(303);
        act(id, "resolve", "resolution", "已办理完毕").then().statusCode(303);
        return match(CALLBACK, Mailbox.await("enterprise1@example.com",
                m -> m.subject().contains("已办结") && m.subject().contains(no), Duration.ofSeconds(20)).body());
    }

    private static List<String> ratings(long id) {
        return QuarkusTransaction.requiringNew().call(() -> NeedCallback.forNeed(id).stream().map(c -> c.satisfaction).toList());
    }

    @Test
    void acceptingMailsTheEnterpriseAndStaffCanAcceptAndTakeANeedInOneStep() {
        String no = submit("受理邮件测试" + System.nanoTime());
        long id = idOf(no);
        act(id, "accept", "note", "已安排专人对接").then().statusCode(303);
        Mailbox.Message accepted = Mailbox.await("enterprise1@example.com",
                m -> m.subject().equals("【科易达】需求已受理：" + no), Duration.ofSeconds(20));
        Need need = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id));
        assertThat(accepted.body()).contains(no, "已安排专人对接", "办理期限：" + need.resolveDue, "/my/needs/" + no);

        String mine = submit("自行承办测试" + System.nanoTime());
        long mineId = idOf(mine);
        String page = staff.open("/staff/needs/" + mineId).then().statusCode(200).extract().asString();
        assertThat(page).contains("受理并由我办理", "formaction=\"/staff/needs/" + mineId + "/accept-take\"")
                // canned replies carry titles, not numbers
                .contains(">已收到，安排对接</button>", ">请补充研发材料</button>").doesNotContainPattern(">\\d</button>");
        act(mineId, "accept-take", "note", "由我直接办理").then().statusCode(303);
        Need taken = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(mineId));
        assertThat(taken.status).isEqualTo(NeedStatus.IN_PROGRESS);
        assertThat(taken.assignee).isEqualTo("staff1");
        assertThat(taken.acceptedAt).isNotNull();
        assertThat(taken.resolveDue).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> NeedEvent.<NeedEvent>list("needId = ?1 order by id", mineId)
                .stream().map(e -> e.action).toList())).containsExactly("提交需求", "受理", "分派", "开始办理");
        Mailbox.Message took = Mailbox.await("enterprise1@example.com",
                m -> m.subject().equals("【科易达】需求已受理：" + mine), Duration.ofSeconds(20));
        assertThat(took.body()).contains("由我直接办理", "承办人：张伟");
        // Once accepted, it cannot be taken again: 409 with the reason, nothing changes.
        act(mineId, "accept-take").then().statusCode(409).body(containsString("不能受理"));
        assertThat(status(mineId)).isEqualTo(NeedStatus.IN_PROGRESS);
    }

    @Test
    void unsatisfiedCallbackReopensToTheSameHandlerAndFlagsTheSupervisor() {
        String no = submit("检测设备选型咨询" + System.nanoTime());
        long id = idOf(no);
        act(id, "accept").then().statusCode(303);
        act(id, "assign", "assignee", "staff1").then().statusCode(303);
        act(id, "start").then().statusCode(303);
        act(id, "resolve", "resolution", "已提供设备清单").then().statusCode(303);

        staff.open("/staff/needs/" + id);
        staff.form().formParam("version", version(id)).formParam("reached", "true").formParam("satisfaction", "UNSATISFIED")
                .formParam("resolved", "NO").formParam("comment", "清单不符合实际需要")
                .post("/staff/needs/" + id + "/callback").then().statusCode(303);

        Need need = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id));
        assertThat(need.status).isEqualTo(NeedStatus.ASSIGNED);
        assertThat(need.assignee).isEqualTo("staff1");
        assertThat(need.supervisorFlag).isTrue();
        assertThat(need.reopenCount).isEqualTo(1);
        Mailbox.await("supervisor1@example.com", m -> m.subject().contains("不满意") && m.subject().contains(no),
                Duration.ofSeconds(20));
        staff.open("/staff/needs?status=ASSIGNED").then().body(containsString(no), containsString("督办"));
    }

    @Test
    void illegalTransitionsAre409WithTheReasonAndChangeNothing() {
        String no = submit("非法操作测试" + System.nanoTime());
        long id = idOf(no);
        act(id, "resolve", "resolution", "跳过受理直接办结").then().statusCode(409)
                .body(containsString("当前状态为“已提交”，不能办结"));
        act(id, "close").then().statusCode(409);
        act(id, "start").then().statusCode(409);
        assertThat(status(id)).isEqualTo(NeedStatus.SUBMITTED);
        enterprise.open("/my/needs/" + no);
        enterprise.form().formParam("version", version(id)).formParam("satisfaction", "SATISFIED").formParam("resolved", "YES")
                .post("/my/needs/" + no + "/rate").then().statusCode(409).body(containsString("不能评价"));
    }

    @Test
    void concurrentActionsOneWinsTheOtherGetsAClearConflict() throws Exception {
        long id = idOf(submit("并发测试" + System.nanoTime()));
        long version = version(id);
        UserSession other = new UserSession("supervisor1");
        staff.open("/staff/needs/" + id);
        other.open("/staff/needs/" + id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Integer> accept = () -> staff.form().formParam("version", version).formParam("note", "甲受理")
                .post("/staff/needs/" + id + "/accept").statusCode();
        Callable<Integer> reject = () -> other.form().formParam("version", version).formParam("reason", "乙退回")
                .post("/staff/needs/" + id + "/return").statusCode();
        Future<Integer> a = pool.submit(accept);
        Future<Integer> b = pool.submit(reject);
        List<Integer> codes = List.of(a.get(), b.get());
        pool.shutdown();
        assertThat(codes).containsExactlyInAnyOrder(303, 409);
        long transitions = QuarkusTransaction.requiringNew().call(() ->
                NeedEvent.count("needId = ?1 and action in ('受理', '退回')", id));
        assertThat(transitions).isEqualTo(1);
    }

    @Test
    void callbackLinkIsRefusedWhenForgedOrExpired() {
        UserSession anonymous = UserSession.anonymous();
        anonymous.open("/callback/" + "A".repeat(43)).then().statusCode(410).body(containsString("无效"));
        String no = submit("链接过期测试" + System.nanoTime());
        long id = idOf(no);
        act(id, "accept").then().statusCode(303);
        act(id, "assign", "assignee", "staff1").then().statusCode(303);
        act(id, "start").then().statusCode(303);
        act(id, "resolve", "resolution", "已办理").then().statusCode(303);
        String token = match(CALLBACK, Mailbox.await("enterprise1@example.com",
                m -> m.subject().contains("已办结") && m.subject().contains(no), Duration.ofSeconds(20)).body());
        QuarkusTransaction.requiringNew().run(() -> CallbackLink.update(
                "expiresAt = ?1 where needId = ?2", java.time.Instant.now().minusSeconds(1), id));
        anonymous.open("/callback/" + token).then().statusCode(410);
        assertThat(status(id)).isEqualTo(NeedStatus.RESOLVED);
    }

    @Test
    void waitingForInformationPausesUntilTheEnterpriseAnswers() {
        String no = submit("补充材料测试" + System.nanoTime());
        long id = idOf(no);
        act(id, "accept").then().statusCode(303);
        act(id, "assign", "assignee", "staff1").then().statusCode(303);
        act(id, "start").then().statusCode(303);
        act(id, "ask", "question", "请补充近三年研发投入明细").then().statusCode(303);
        Need waiting = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id));
        assertThat(waiting.status).isEqualTo(NeedStatus.WAITING_INFO);
        assertThat(waiting.pausedSince).isNotNull();
        enterprise.open("/my/needs/" + no).then().body(containsString("请补充近三年研发投入明细"));
        enterprise.form().formParam("version", waiting.version).formParam("text", "已补充：2023–2025 年研发投入见附表")
                .post("/my/needs/" + no + "/info").then().statusCode(303);
        Need resumed = QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id));
        assertThat(resumed.status).isEqualTo(NeedStatus.IN_PROGRESS);
        assertThat(resumed.pausedSince).isNull();
        assertThat(resumed.resolveDue).isAfterOrEqualTo(waiting.resolveDue);
    }

    @Test
    void enterpriseCanWithdrawAnOpenNeed() {
        String no = submit("撤回测试" + System.nanoTime());
        long id = idOf(no);
        enterprise.open("/my/needs/" + no);
        enterprise.form().formParam("version", version(id)).formParam("reason", "问题已自行解决")
                .post("/my/needs/" + no + "/withdraw").then().statusCode(303);
        assertThat(status(id)).isEqualTo(NeedStatus.WITHDRAWN);
        act(id, "accept").then().statusCode(409);
    }

    // ------------------------------------------------------------------

    String submit(String title) {
        enterprise.open("/my/needs/new").then().statusCode(200);
        Response r = enterprise.multipart()
                .multiPart("category", "TECH").multiPart("title", title)
                .multiPart("description", "我公司生产线自动化程度低，希望对接高校专家提供数字化改造方案。")
                .multiPart("expectedOutcome", "形成改造方案").multiPart("budget", "30")
                .multiPart("consent", "on")
                .multiPart("files", "test.pdf", PDF, "application/pdf")
                .post("/my/needs");
        r.then().statusCode(303);
        return match(TRACKING, r.header("Location"));
    }

    Response act(long id, String action, String... params) {
        staff.open("/staff/needs/" + id);
        var form = staff.form().formParam("version", version(id));
        for (int i = 0; i + 1 < params.length; i += 2) {
            form = form.formParam(params[i], params[i + 1]);
        }
        return form.post("/staff/needs/" + id + "/" + action);
    }

    static long idOf(String trackingNo) {
        return QuarkusTransaction.requiringNew().call(() -> Need.<Need>find("trackingNo", trackingNo).firstResult().id);
    }

    static long version(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id).version);
    }

    static NeedStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id).status);
    }

    static String match(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        assertThat(m.find()).as("%s in %s", p, text).isTrue();
        return m.group(1);
    }
}

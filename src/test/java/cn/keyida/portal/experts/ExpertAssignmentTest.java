package cn.keyida.portal.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedContributions;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Experts on needs: assignment, accept/decline, advice for the enterprise or staff, visits, one rating. */
@QuarkusTest
class ExpertAssignmentTest {

    @Inject
    AssignmentWorkflow workflow;

    @Inject
    NeedSubmission submission;

    @Inject
    ExpertContributions contributions;

    @Test
    void anExpertAcceptsAdvisesAndIsRatedOnceWithPrivateNotesKeptFromTheEnterprise() {
        String enterprise = Enterprises.enterpriseA().subject;
        String other = Enterprises.enterpriseB().subject;
        Need need = need(enterprise, "锂电池隔膜涂覆工艺咨询" + System.nanoTime());
        String s = "as-" + UUID.randomUUID();
        Expert expert = ExpertFixtures.admitted(s, "孙咨询", List.of("03"), "隔膜涂覆");

        // nobody chosen, or an expert not in the pool: field errors, nothing stored
        assertThatThrownBy(() -> workflow.assign(need.id, "", "", "staff")).isInstanceOf(FieldErrors.class);
        ExpertAssignment a = workflow.assign(need.id, String.valueOf(expert.id), "涂覆浆料配方", "staff");
        assertThat(a.status).isEqualTo(AssignmentStatus.OFFERED);
        assertThat(a.respondBy).isNotNull();
        assertThatThrownBy(() -> workflow.assign(need.id, String.valueOf(expert.id), "", "staff"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("已在处理");
        assertThat(ExpertRegistryTest.mails(s + "@example.com")).anyMatch(m -> m.subject.contains(need.title));

        // another expert's login cannot act on it
        assertThatThrownBy(() -> workflow.accept("someone-else", a.id, a.version, "x")).isInstanceOf(NotFoundException.class);
        // declining needs a reason
        assertThatThrownBy(() -> workflow.decline(s, a.id, a.version, "", "x")).isInstanceOf(FieldErrors.class);
        // advice before accepting is refused by the table
        assertThatThrownBy(() -> workflow.advise(s, a.id, a.version, "意见", true, "x"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("不能提交咨询意见");
        ExpertAssignment accepted = workflow.accept(s, a.id, a.version, "孙咨询");
        assertThat(accepted.status).isEqualTo(AssignmentStatus.ACCEPTED);
        // a stale form: the version before the acceptance
        assertThatThrownBy(() -> workflow.advise(s, a.id, a.version, "意见", true, "x"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("刚刚已被其他人处理");

        long v = version(a.id);
        workflow.advise(s, a.id, v, "企业规模较小，内部评估：建议优先申请创新券。", false, "孙咨询");
        assertThat(status(a.id)).isEqualTo(AssignmentStatus.ACCEPTED); // a private note does not answer
        // rating before an answer is refused
        long v1 = version(a.id);
        assertThatThrownBy(() -> workflow.rate(enterprise, a.id, v1, "5", "", "企业")).isInstanceOf(ExpertConflict.class);
        workflow.advise(s, a.id, v1, "建议采用水性陶瓷浆料，固含量控制在 40% 左右。", true, "孙咨询");
        assertThat(status(a.id)).isEqualTo(AssignmentStatus.ANSWERED);
        workflow.recordVisit(s, a.id, version(a.id), java.time.LocalDate.now().toString(), "到厂指导涂布机参数调试", "孙咨询");

        // what each side sees
        List<NeedContributions.Contribution> forEnterprise = QuarkusTransaction.requiringNew()
                .call(() -> contributions.forEnterprise(need.id));
        assertThat(forEnterprise).extracting(NeedContributions.Contribution::text)
                .anyMatch(t -> t.contains("水性陶瓷浆料")).anyMatch(t -> t.contains("涂布机参数"))
                .noneMatch(t -> t.contains("内部评估"));
        assertThat(forEnterprise).extracting(NeedContributions.Contribution::author).noneMatch(t -> t.contains("13912345678"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> contributions.forStaff(need.id)))
                .extracting(NeedContributions.Contribution::text).anyMatch(t -> t.contains("内部评估"));
        assertThat(ExpertRegistryTest.mails("enterprise1@example.com"))
                .filteredOn(m -> m.subject.contains(need.title)).hasSize(1);

        // another enterprise cannot rate; a score out of range is a field error; then one rating only
        assertThatThrownBy(() -> workflow.rate(other, a.id, version(a.id), "5", "", "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflow.rate(enterprise, a.id, version(a.id), "6", "", "x"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsEntry("score", "请选择 1 至 5 分"));
        workflow.rate(enterprise, a.id, version(a.id), "4", "意见很实用", "企业");
        assertThat(status(a.id)).isEqualTo(AssignmentStatus.RATED);
        assertThatThrownBy(() -> workflow.rate(enterprise, a.id, version(a.id), "1", "", "企业"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("只能评价一次");
        Expert after = QuarkusTransaction.requiringNew().call(() -> Expert.<Expert>findById(expert.id));
        assertThat(after.ratingCount).isEqualTo(1);
        assertThat(after.ratingSum).isEqualTo(4);
        assertThat(after.version).isEqualTo(expert.version); // ratings never make a staff form stale
    }

    @Test
    void aDeclineTellsStaffAndAnUnansweredOfferExpiresOnce() {
        String enterprise = Enterprises.enterpriseA().subject;
        Need need = need(enterprise, "农产品冷链保鲜咨询" + System.nanoTime());
        String s1 = "dec-" + UUID.randomUUID();
        String s2 = "exp-" + UUID.randomUUID();
        Expert e1 = ExpertFixtures.admitted(s1, "周拒绝", List.of("10"), "冷链");
        Expert e2 = ExpertFixtures.admitted(s2, "吴逾期", List.of("10"), "保鲜");
        ExpertAssignment a1 = workflow.assign(need.id, String.valueOf(e1.id), "", "staff");
        ExpertAssignment a2 = workflow.assign(need.id, String.valueOf(e2.id), "", "staff");
        long before = staffMails();
        workflow.decline(s1, a1.id, a1.version, "近期在外地出差", "周拒绝");
        assertThat(status(a1.id)).isEqualTo(AssignmentStatus.DECLINED);
        assertThat(staffMails()).isEqualTo(before + 1);

        QuarkusTransaction.requiringNew().run(() -> ExpertAssignment.<ExpertAssignment>findById(a2.id).respondBy =
                java.time.LocalDate.now().minusDays(1));
        workflow.remind(java.time.LocalDate.now());
        workflow.remind(java.time.LocalDate.now());
        assertThat(status(a2.id)).isEqualTo(AssignmentStatus.EXPIRED);
        assertThat(staffMails()).isEqualTo(before + 2);
        // a declined expert can be asked again later (only open assignments are unique)
        assertThat(workflow.assign(need.id, String.valueOf(e1.id), "再次邀请", "staff").status).isEqualTo(AssignmentStatus.OFFERED);
    }

    /**
     * The "a need answered by an expert, rated by the enterprise", through the pages with real
     * Keycloak logins: staff assign from the need, expert1 accepts and answers, enterprise1 reads the
     * advice on its need page and rates once; the second rating is a 409.
     */
    @Test
    void aNeedAnsweredByAnExpertAndRatedByTheEnterpriseThroughThePages() {
        Enterprises.enterpriseA();
        long expertId = ExpertFixtures.activeAccount("expert1", "张专家", "四川省新材料研究院", List.of("03", "02"));
        UserSession enterprise = new UserSession("enterprise1");
        UserSession staff = new UserSession("staff1");
        UserSession expert = new UserSession("expert1");
        String title = "高分子改性配方咨询" + System.nanoTime();
        Need need = need(Enterprises.enterpriseA().subject, title);

        staff.open("/staff/needs/" + need.id).then().statusCode(200).body(containsString("分派专家"));
        staff.open("/staff/experts/needs/" + need.id).then().statusCode(200).body(containsString("张专家"));
        staff.form().formParam("expert", "").post("/staff/experts/needs/" + need.id + "/assign").then().statusCode(400)
                .body(containsString("请选择专家"));
        staff.form().formParam("expert", String.valueOf(expertId)).formParam("part", "改性剂选择")
                .post("/staff/experts/needs/" + need.id + "/assign").then().statusCode(303);
        long id = QuarkusTransaction.requiringNew().call(() -> ExpertAssignment.forNeed(need.id).get(0).id);

        expert.open("/expert").then().statusCode(200).body(containsString(title));
        expert.open("/expert/assignments/" + id).then().statusCode(200).body(containsString("改性剂选择"),
                not(containsString(Enterprises.enterpriseA().mobile)));
        expert.form().formParam("version", version(id)).post("/expert/assignments/" + id + "/accept").then().statusCode(303);
        expert.open("/expert/assignments/" + id);
        expert.form().formParam("version", version(id)).formParam("text", "")
                .post("/expert/assignments/" + id + "/advise").then().statusCode(400).body(containsString("请填写意见内容"));
        expert.form().formParam("version", version(id)).formParam("text", "仅供内部：该企业实验条件有限")
                .formParam("audience", "staff").post("/expert/assignments/" + id + "/advise").then().statusCode(303);
        expert.open("/expert/assignments/" + id);
        expert.form().formParam("version", version(id)).formParam("text", "建议选用马来酸酐接枝相容剂，添加量 3%。")
                .formParam("audience", "enterprise").post("/expert/assignments/" + id + "/advise").then().statusCode(303);

        enterprise.open("/my/needs/" + need.trackingNo).then().statusCode(200)
                .body(containsString("马来酸酐接枝相容剂"), not(containsString("实验条件有限")), containsString("/my/advice/" + id));
        enterprise.open("/my/advice/" + id).then().statusCode(200).body(containsString("评价专家服务"));
        long v = version(id);
        enterprise.form().formParam("version", v).formParam("score", "5").formParam("comment", "解答及时")
                .post("/my/advice/" + id + "/rate").then().statusCode(303);
        enterprise.open("/my/advice/" + id).then().statusCode(200).body(containsString("5 分：解答及时"));
        enterprise.form().formParam("version", version(id)).formParam("score", "1")
                .post("/my/advice/" + id + "/rate").then().statusCode(409).body(containsString("只能评价一次"));
        // enterprise2 cannot see it
        new UserSession("enterprise2").open("/my/advice/" + id).then().statusCode(404);

        // staff see the score; the public card only the count
        staff.open("/staff/experts/" + expertId).then().statusCode(200).body(containsString("解答及时"));
        UserSession.anonymous().open("/experts/" + expertId).then().statusCode(200)
                .body(containsString("收到企业评价"), not(containsString("解答及时")), not(containsString("13900005555")),
                        not(containsString("expert1@example.com")));
    }

    @Test
    void anEnterpriseAsksFromTheCardAndStaffForwardTheRequest() {
        Enterprises.enterpriseA();
        long expertId = ExpertFixtures.activeAccount("expert2", "李专家", "广元市农业科学研究院", List.of("10", "04"));
        UserSession enterprise = new UserSession("enterprise1");
        enterprise.open("/experts/" + expertId).then().statusCode(200).body(containsString("提交咨询"));
        enterprise.form().formParam("title", "").formParam("question", "短")
                .post("/experts/" + expertId + "/ask").then().statusCode(400).body(containsString("请填写咨询主题"));
        String title = "猕猴桃溃疡病防治" + System.nanoTime();
        String location = enterprise.form().formParam("title", title)
                .formParam("question", "果园近两年溃疡病发病率上升，想请专家评估防治方案。")
                .post("/experts/" + expertId + "/ask").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/my/needs/XQ-");
        ExpertAssignment a = QuarkusTransaction.requiringNew().call(() -> ExpertAssignment
                .<ExpertAssignment>find("needTitle like ?1", "%" + title).firstResult());
        assertThat(a.status).isEqualTo(AssignmentStatus.REQUESTED);
        assertThat(a.origin).isEqualTo(ExpertAssignment.Origin.ENTERPRISE);
        // the expert does not see a request staff have not forwarded
        new UserSession("expert2").open("/expert/assignments/" + a.id).then().statusCode(404);
        ExpertAssignment forwarded = workflow.forward(a.needId, a.id, a.version, "staff");
        assertThat(forwarded.status).isEqualTo(AssignmentStatus.OFFERED);
        new UserSession("expert2").open("/expert/assignments/" + a.id).then().statusCode(200).body(containsString(title));
        // staff, experts and anonymous visitors cannot ask
        UserSession expert2 = new UserSession("expert2");
        expert2.open("/expert/profile");
        expert2.form().formParam("title", "x").formParam("question", "xxxxxxxxxxxx")
                .post("/experts/" + expertId + "/ask").then().statusCode(403);
    }

    Need need(String subject, String title) {
        return submission.submit(subject, new NeedSubmission.Submission("TECH", title,
                "我公司希望得到专家的技术指导，具体问题见标题。", "", null, null, true), List.of(), "企业").orElseThrow();
    }

    static long version(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ExpertAssignment.<ExpertAssignment>findById(id).version);
    }

    static AssignmentStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ExpertAssignment.<ExpertAssignment>findById(id).status);
    }

    static long staffMails() {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("recipient", "zhuanjia@kjj.guangyuan.example"));
    }
}

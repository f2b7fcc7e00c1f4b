package cn.keyida.portal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.needs.FollowUp;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedAttachment;
import cn.keyida.portal.needs.NeedCallback;
import cn.keyida.portal.needs.NeedEvent;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.needs.NeedStatus;
import cn.keyida.portal.needs.NeedWorkflow;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An enterprise downloads, then deletes, its personal data (PIPL). */
@QuarkusTest
class PersonalDataTest {

    @Inject
    NeedSubmission needs;

    @Inject
    NeedWorkflow workflow;

    static final String ENTERPRISE_USER = "李红梅（enterprise2）";
    static final String STAFF = "张伟（staff1）";

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

    /**
     * Security #13: the export holds everything the enterprise entered or was told (budget, wanted-by
     * date, category, visible follow-ups, callbacks); after deletion none of its words or names remain in
     * the timeline, the follow-ups or the callbacks, while statuses, dates and ratings stay.
     */
    @Test
    void exportHasTheWholeNeedAndDeletionLeavesNoneOfTheEnterprisesWords() {
        EnterpriseProfile b = Enterprises.enterpriseB();
        Need need = needs.submit(b.subject, new NeedSubmission.Submission("TECH", "回访数据测试需求", "描述", "预期成效原文",
                new BigDecimal("12.5"), LocalDate.of(2027, 6, 30), true), List.of(), ENTERPRISE_USER).orElseThrow();
        long id = need.id;
        workflow.accept(id, version(id), "", STAFF);
        workflow.assign(id, version(id), "staff1", "", STAFF);
        workflow.start(id, version(id), STAFF);
        workflow.askInformation(id, version(id), "请补充研发投入情况", STAFF);
        workflow.addInformation(need.trackingNo, b.subject, version(id), "补充说明：财务联系人手机13900002222", ENTERPRISE_USER);
        workflow.recordFollowUp(id, new NeedWorkflow.FollowUpInput(FollowUp.Kind.VISIT, null, "王经理、张伟",
                "走访记录：王经理说下季度扩产", "已对接高校团队", LocalDate.of(2027, 1, 15), true), STAFF);
        workflow.resolve(id, version(id), "已对接四川大学团队", STAFF);
        workflow.rateOnline(need.trackingNo, b.subject, version(id), new NeedWorkflow.CallbackInput(true,
                NeedCallback.Satisfaction.UNSATISFIED, NeedCallback.Resolved.NO, "在线意见原文：报价太高"), ENTERPRISE_USER);
        workflow.start(id, version(id), STAFF); // reopened: back to the handler
        workflow.resolve(id, version(id), "已改为对接西南科技大学", STAFF);
        workflow.recordCallback(id, version(id), new NeedWorkflow.CallbackInput(true, NeedCallback.Satisfaction.SATISFIED,
                NeedCallback.Resolved.YES, "电话原话：这次很满意"), STAFF);

        UserSession session = new UserSession("enterprise2");
        session.request().get("/my/data/export.json").then().statusCode(200)
                .body(containsString("12.5"), containsString("2027-06-30"), containsString("预期成效原文"),
                        containsString("走访记录：王经理说下季度扩产"), containsString("已对接高校团队"),
                        containsString("在线意见原文：报价太高"), containsString("电话原话：这次很满意"),
                        containsString("13900002222"), containsString("不满意"), containsString("订阅"), containsString("消息"));

        // the portal mailed the enterprise about its need (submission, request for information, result)
        assertThat(QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("recipient", b.email))).isPositive();

        session.open("/my/data").then().statusCode(200);
        session.form().formParam("confirm", "删除").post("/my/data/delete").then().statusCode(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("recipient", b.email))).isZero();

        List<String> words = List.of("13900002222", "王经理", "扩产", "报价太高", "这次很满意", "李红梅", "enterprise2",
                "预期成效原文", b.name);
        QuarkusTransaction.requiringNew().run(() -> {
            List<NeedEvent> timeline = NeedEvent.timeline(id, false);
            assertThat(timeline).extracting(e -> e.actor + " " + e.note)
                    .allSatisfy(text -> assertThat(text).doesNotContain(words));
            assertThat(timeline).extracting(e -> e.note).contains("满意，已解决");
            List<NeedCallback> callbacks = NeedCallback.forNeed(id);
            assertThat(callbacks).extracting(c -> c.comment).containsOnly("");
            assertThat(callbacks).extracting(c -> c.actor + c.comment).allSatisfy(t -> assertThat(t).doesNotContain(words));
            assertThat(callbacks).extracting(c -> c.satisfaction).containsExactly("UNSATISFIED", "SATISFIED");
            assertThat(FollowUp.forNeed(id, false)).singleElement().satisfies(f -> {
                assertThat(f.participants + f.notes + f.outcome).doesNotContain(words);
                assertThat(f.kind).isEqualTo(FollowUp.Kind.VISIT);
                assertThat(f.nextStepDate).isEqualTo(LocalDate.of(2027, 1, 15));
            });
            Need after = Need.findById(id);
            assertThat(after.budget).isNull();
            assertThat(after.wantedBy).isNull();
            assertThat(after.satisfaction).isEqualTo("SATISFIED");
            assertThat(after.resolvedAt).isNotNull();
        });
    }

    static long version(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Need.<Need>findById(id).version);
    }
}

package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.needs.FollowUp;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 对接 cases on the real PostgreSQL: states, versions, round-robin brokers, confirmations, stuck reminders. */
@QuarkusTest
class CaseWorkflowTest {

    @Inject
    MarketWorkflow workflow;

    @Inject
    CaseWorkflow cases;

    @Inject
    MarketViews views;

    @Inject
    CaseReminders reminders;

    @Inject
    PortalClock clock;

    MarketItem publishedAchievement(String field) {
        String uni = MarketFixtures.university();
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement("对接测试成果" + System.nanoTime(), field, "用于对接测试的成果。", "技术转让", "50"), "x");
        a = workflow.submit(a.id, uni, a.version, "x");
        return workflow.approve(a.id, a.version, "", "x");
    }

    @Test
    void requestNegotiateSignRegisterWithConfirmationsAndPublicTimeline() {
        String ent = MarketFixtures.enterprise();
        String uni = MarketFixtures.university();
        MarketItem a = publishedAchievement("07");
        // An institution does not request 对接 on an achievement; its owner never on its own item.
        assertThatThrownBy(() -> cases.request(a.id, uni, MarketWorkflow.OwnerKind.INSTITUTION, "", "x"))
                .hasMessageContaining("不能对自己发布的信息申请对接");
        MarketCase c = cases.request(a.id, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "希望洽谈技术转让", "王建国（enterprise1）");
        assertThat(c.status).isEqualTo(CaseStatus.INTENT);
        assertThat(c.broker).isNotBlank();
        assertThat(c.demandSubject).isEqualTo(ent);
        assertThat(c.supplySubject).isEqualTo(uni);
        assertThatThrownBy(() -> cases.request(a.id, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "", "x"))
                .isInstanceOf(ConflictException.class);
        long id = c.id;
        long v0 = c.version;
        assertThatThrownBy(() -> cases.sign(id, v0, Map.of(), "x")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("当前状态为“意向”");

        MarketCase n = cases.negotiate(id, v0, "双方已电话沟通", "赵晓东（broker1）");
        assertThatThrownBy(() -> cases.negotiate(id, v0, "", "x")).isInstanceOf(ConflictException.class);
        cases.followUp(id, FollowUp.Kind.PHONE, "内部：企业预算偏紧", false, "赵晓东（broker1）");
        cases.followUp(id, FollowUp.Kind.MEETING, "组织双方会谈", true, "赵晓东（broker1）");
        MarketCase fresh = QuarkusTransaction.requiringNew().call(() -> MarketCase.<MarketCase>findById(id));
        long v1 = fresh.version;
        assertThatThrownBy(() -> cases.sign(id, v1, Map.of("contractType", "技术赠送", "amount", "-3", "parties", "",
                "signedOn", "2030-01-01"), "x")).isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors())
                .containsKeys("contractType", "amount", "parties").containsEntry("signedOn", "签约日期不能晚于今天"));
        MarketCase signed = cases.sign(id, v1, Map.of("contractType", "技术转让", "amount", "80", "parties",
                "广元市测试新材料有限公司；广元理工学院", "signedOn", clock.today().toString()), "赵晓东（broker1）");
        assertThat(signed.status).isEqualTo(CaseStatus.SIGNED);
        assertThat(signed.figuresConfirmed()).isFalse();
        assertThatThrownBy(() -> cases.register(id, signed.version, "12", "", "x")).isInstanceOf(FieldErrors.class);
        MarketCase registered = cases.register(id, signed.version, "2026510801000123", "广元市技术合同认定登记站", "赵晓东（broker1）");
        assertThat(registered.status).isEqualTo(CaseStatus.REGISTERED);
        MarketCase one = cases.confirm(id, ent, registered.version, "王建国（enterprise1）");
        assertThatThrownBy(() -> cases.confirm(id, ent, one.version, "x")).hasMessageContaining("已确认");
        String row = clock.today().getYear() + "年 · 技术转让";
        // Figures count only once both sides confirmed them.
        assertThat(views.figures().contracts()).extracting(MarketViews.Figure::label).doesNotContain(row);
        MarketCase both = cases.confirm(id, uni, one.version, "李明（university1）");
        assertThat(both.figuresConfirmed()).isTrue();
        assertThat(views.figures().contracts()).contains(new MarketViews.Figure(row, 1, "80"));
        assertThat(views.figures().casesByState()).contains(new MarketViews.Figure("已登记", 1, ""));
        assertThatThrownBy(() -> cases.terminate(id, both.version, "原因", "x")).isInstanceOf(ConflictException.class);

        List<String> publicTimeline = views.caseForParty(id, ent).timeline().stream().map(e -> e.action).toList();
        assertThat(publicTimeline).containsExactly("创建对接意向", "分派技术经纪人", "进入洽谈", "会议对接", "签约",
                "技术合同登记", "确认合同信息", "确认合同信息");
        assertThat(views.caseForStaff(id).timeline()).hasSize(9);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MailOutbox.count(
                "recipient = ?1 and subject like ?2", "university1@example.com", "%对接案例 " + id + "：%"))).isEqualTo(4);
    }

    @Test
    void brokersTakeTurnsWithinAField() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (MarketBroker.findById("broker-agri") == null) {
                MarketBroker b = new MarketBroker();
                b.username = "broker-agri";
                b.displayName = "测试经纪人";
                b.email = "broker-agri@example.com";
                b.fieldCodes = "10";
                b.persist();
            }
        });
        String ent = MarketFixtures.enterprise();
        List<String> agri = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agri.add(cases.request(publishedAchievement("10").id, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "", "x").broker);
        }
        // Two brokers cover 现代农业与食品: they alternate. Only broker1 covers 新一代信息技术.
        assertThat(agri.get(0)).isNotEqualTo(agri.get(1));
        assertThat(agri.get(2)).isEqualTo(agri.get(0));
        assertThat(agri.get(3)).isEqualTo(agri.get(1));
        assertThat(agri).containsOnly("broker1", "broker-agri");
        assertThat(cases.request(publishedAchievement("01").id, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "", "x").broker)
                .isEqualTo("broker1");
    }

    @Test
    void stuckCasesRemindBrokerAndSupervisorsOncePerDayAcrossTwoInstances() throws Exception {
        String ent = MarketFixtures.enterprise();
        MarketCase c = cases.request(publishedAchievement("09").id, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "", "x");
        // Nothing happened on it for three weeks (the 意向 limit is 5 working days).
        QuarkusTransaction.requiringNew().run(() -> MarketCase.update("statusSince = ?1 where id = ?2",
                Instant.now().minus(21, ChronoUnit.DAYS), c.id));
        LocalDate day = clock.today().plusDays(1000 + c.id % 1000);
        assertThat(reminders.stuck(day)).extracting(x -> x.id).contains(c.id);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit((Callable<Integer>) () -> reminders.remind(day)));
        }
        int queued = 0;
        for (var f : runs) {
            queued += f.get();
        }
        pool.shutdown();
        queued += reminders.remind(day);
        long mails = QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("dedupeKey like ?1", "market-stuck:%:" + day));
        // However many instances run it: one mail per person and day (its broker, each supervisor).
        assertThat(queued).isEqualTo((int) mails);
        for (String person : List.of(c.broker, "supervisor1", "admin1")) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("dedupeKey = ?1",
                    "market-stuck:" + person + ":" + day))).as(person).isEqualTo(1);
        }
    }
}

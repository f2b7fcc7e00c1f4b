package cn.keyida.portal.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration and staff review of the pool, the yearly confirmation and its automatic pause. */
@QuarkusTest
class ExpertRegistryTest {

    @Inject
    ExpertRegistry registry;

    @Inject
    ExpertPool pool;

    @Inject
    PortalClock clock;

    @Test
    void registrationIsCheckedFieldByFieldInChinese() {
        String s = "reg-" + UUID.randomUUID();
        ExpertInput bad = new ExpertInput("0", " ", "", "教授", List.of("99"), "", List.of("BOGUS"), "", "", "",
                "12345", "not-an-email");
        assertThatThrownBy(() -> registry.register(s, s, bad, "测试")).isInstanceOfSatisfying(FieldErrors.class, e ->
                assertThat(e.errors()).containsEntry("name", "请填写姓名").containsEntry("organisation", "请填写工作单位")
                        .containsEntry("fields", "技术领域不在领域目录中，请重新选择").containsEntry("modes", "服务方式不正确")
                        .containsKey("phone").containsEntry("email", "电子邮箱格式不正确"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Expert.findBySubject(s))).isEmpty();
    }

    @Test
    void staffReviewFollowsTheTableWithReasonsMailsAndStaleVersions() {
        String s = "rev-" + UUID.randomUUID();
        Expert e = registry.register(s, s, ExpertFixtures.input("0", "李审核", List.of("03"), "复合材料", s + "@example.com"), "李审核");
        assertThat(e.status).isEqualTo(ExpertStatus.PENDING);
        long id = e.id;
        long v0 = e.version;

        // a return needs its reason; nothing changes without one
        assertThatThrownBy(() -> registry.decide(id, v0, ExpertRegistry.Decision.RETURN, " ", "staff"))
                .isInstanceOfSatisfying(FieldErrors.class, x -> assertThat(x.errors()).containsEntry("reason", "请填写退回原因"));
        // not admitted yet: cannot be paused
        assertThatThrownBy(() -> registry.decide(id, v0, ExpertRegistry.Decision.SUSPEND, "x", "staff"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("不能暂停");
        e = registry.decide(id, v0, ExpertRegistry.Decision.RETURN, "请补充职称证明", "staff");
        assertThat(e.status).isEqualTo(ExpertStatus.RETURNED);
        assertThat(mails(s + "@example.com")).anyMatch(m -> m.subject.contains("退回") && m.body.contains("请补充职称证明"));

        // a stale form (the version before the return) is refused, nothing changes
        assertThatThrownBy(() -> registry.decide(id, v0, ExpertRegistry.Decision.ADMIT, "", "staff"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("刚刚已被其他人处理");
        assertThat(status(id)).isEqualTo(ExpertStatus.RETURNED);

        // the expert corrects and resubmits; staff admit; the yearly date is set
        e = registry.register(s, s, ExpertFixtures.input(String.valueOf(e.version), "李审核", List.of("03", "02"), "复合材料",
                s + "@example.com"), "李审核");
        assertThat(e.status).isEqualTo(ExpertStatus.PENDING);
        e = registry.decide(id, e.version, ExpertRegistry.Decision.ADMIT, "", "staff");
        assertThat(e.status).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(e.confirmBy).isEqualTo(clock.today().plusMonths(12));
        assertThat(pool.active("02").stream().map(PoolExpert::id)).contains(id);
        long admittedVersion = e.version;
        assertThatThrownBy(() -> registry.decide(id, admittedVersion, ExpertRegistry.Decision.ADMIT, "", "staff"))
                .isInstanceOf(ExpertConflict.class).hasMessageContaining("不能审核入库");

        e = registry.decide(id, e.version, ExpertRegistry.Decision.SUSPEND, "近期出国", "staff");
        assertThat(pool.byId(id)).isEmpty();
        e = registry.decide(id, e.version, ExpertRegistry.Decision.RESUME, "", "staff");
        assertThat(pool.byId(id)).isPresent();
        e = registry.decide(id, e.version, ExpertRegistry.Decision.REMOVE, "本人申请退出", "staff");
        assertThat(e.status).isEqualTo(ExpertStatus.REMOVED);
        long removedVersion = e.version;
        assertThatThrownBy(() -> registry.decide(id, removedVersion, ExpertRegistry.Decision.RESUME, "", "staff"))
                .isInstanceOf(ExpertConflict.class);
        assertThatThrownBy(() -> registry.confirm(s, removedVersion, "x")).isInstanceOf(ExpertConflict.class);

        List<String> steps = QuarkusTransaction.requiringNew().call(() -> ExpertEvent.timeline(id, false).stream()
                .map(x -> x.action).toList());
        assertThat(steps).containsExactly("提交入库申请", "退回", "修改后重新提交", "审核入库", "暂停", "恢复", "出库");
        assertThat(mails(s + "@example.com")).extracting(m -> m.subject).hasSize(5);
    }

    @Test
    void aLapsedConfirmationPausesTheExpertOnceAndTheConfirmationBringsItBack() {
        String s = "lapse-" + UUID.randomUUID();
        Expert e = ExpertFixtures.admitted(s, "王确认", List.of("06"), "光伏组件");
        long id = e.id;
        LocalDate today = clock.today();
        setConfirmBy(id, today.minusDays(1));

        registry.remind(today);
        registry.remind(today); // the second run (or another instance) finds nothing more to do
        assertThat(status(id)).isEqualTo(ExpertStatus.LAPSED);
        assertThat(pool.byId(id)).isEmpty();
        List<String> steps = QuarkusTransaction.requiringNew().call(() -> ExpertEvent.timeline(id, false).stream()
                .map(x -> x.action).toList());
        assertThat(steps).filteredOn(x -> x.equals(ExpertAction.LAPSE.label)).hasSize(1);
        assertThat(mails(s + "@example.com")).filteredOn(m -> m.subject.contains("专家资格已暂停")).hasSize(1);

        Expert lapsed = QuarkusTransaction.requiringNew().call(() -> Expert.<Expert>findById(id));
        Expert back = registry.confirm(s, lapsed.version, "王确认");
        assertThat(back.status).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(back.confirmBy).isEqualTo(today.plusMonths(12));
        assertThat(pool.byId(id)).isPresent();
    }

    @Test
    void theConfirmationReminderGoesOutOnceBeforeTheDate() {
        String s = "remind-" + UUID.randomUUID();
        Expert e = ExpertFixtures.admitted(s, "赵提醒", List.of("07"), "污水处理");
        LocalDate today = clock.today();
        setConfirmBy(e.id, today.plusDays(3));
        registry.remind(today);
        registry.remind(today);
        assertThat(mails(s + "@example.com")).filteredOn(m -> m.subject.contains("年度确认")).hasSize(1);
        assertThat(status(e.id)).isEqualTo(ExpertStatus.ACTIVE);
        // far from the date: nothing
        String s2 = "far-" + UUID.randomUUID();
        Expert far = ExpertFixtures.admitted(s2, "钱从容", List.of("07"), "固废");
        registry.remind(today);
        assertThat(mails(s2 + "@example.com")).filteredOn(m -> m.subject.contains("年度确认")).isEmpty();
        assertThat(far.confirmBy).isAfter(today.plusMonths(6));
    }

    @Test
    void aSeededProfileIsBoundToItsUserOnTheFirstSave() {
        String username = "seed-" + UUID.randomUUID().toString().substring(0, 8);
        long id = ExpertPoolTest.store(username, ExpertStatus.ACTIVE, List.of("01"));
        QuarkusTransaction.requiringNew().run(() -> Expert.<Expert>findById(id).subject = null);
        Expert bound = registry.claim("real-subject-" + username, username);
        assertThat(bound.id).isEqualTo(id);
        assertThat(pool.bySubject("real-subject-" + username)).isPresent();
        // another login with the same username but a subject already bound does not take it over
        assertThat(registry.claim("other-" + username, username)).isNull();
    }

    static ExpertStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Expert.<Expert>findById(id).status);
    }

    static void setConfirmBy(long id, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> Expert.getEntityManager()
                .createNativeQuery("update expert set confirm_by = :d where id = :id")
                .setParameter("d", day).setParameter("id", id).executeUpdate());
    }

    static List<MailOutbox> mails(String to) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list("recipient = ?1 order by id", to));
    }
}

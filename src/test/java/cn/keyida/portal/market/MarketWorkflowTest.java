package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publishing with review on the real PostgreSQL: states, versions, revisions, field errors, mails, audit. */
@QuarkusTest
class MarketWorkflowTest {

    @Inject
    MarketWorkflow workflow;

    @Test
    void draftSubmitReturnResubmitApproveWithMailsAndAuditTrail() {
        String uni = MarketFixtures.university();
        String title = "高强度玄武岩纤维复合材料" + System.nanoTime();
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement(title, "03", "玄武岩纤维增强复合材料，抗拉强度高。", "技术转让\n技术许可", "80"),
                "李明（university1）");
        assertThat(a.status).isEqualTo(ItemStatus.DRAFT);
        assertThat(a.patents).containsExactly("ZL202310123456.6");

        MarketItem s = workflow.submit(a.id, uni, a.version, "李明（university1）");
        assertThat(s.status).isEqualTo(ItemStatus.PENDING);
        assertThat(s.reviewDue).isNotNull();
        // Approving a stale version is a 409 and changes nothing.
        assertThatThrownBy(() -> workflow.approve(a.id, a.version, "", "张伟（staff1）")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> workflow.returnItem(a.id, s.version, " ", "张伟（staff1）"))
                .hasMessageContaining("请填写退回原因");
        MarketItem r = workflow.returnItem(a.id, s.version, "请补充应用场景", "张伟（staff1）");
        assertThat(r.status).isEqualTo(ItemStatus.RETURNED);
        // A returned item cannot be approved; it is edited and submitted again.
        assertThatThrownBy(() -> workflow.approve(a.id, r.version, "", "张伟（staff1）"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("退回修改");
        MarketItem again = workflow.submit(a.id, uni, r.version, "李明（university1）");
        MarketItem published = workflow.approve(a.id, again.version, "符合发布要求", "张伟（staff1）");
        assertThat(published.status).isEqualTo(ItemStatus.PUBLISHED);

        List<String> subjects = QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list(
                "recipient = ?1 and subject like ?2 order by id", "university1@example.com", "【科易达】科技成果%" + title + "%")
                .stream().map(m -> m.subject).toList());
        assertThat(subjects).containsExactly("【科易达】科技成果被退回修改：" + title, "【科易达】科技成果已审核通过并发布：" + title);
        List<String> trail = QuarkusTransaction.requiringNew().call(() -> MarketEvent.ofItem(a.id, false).stream()
                .map(e -> e.action + ":" + e.fromStatus + ">" + e.toStatus).toList());
        assertThat(trail).containsExactly("创建草稿:null>草稿", "提交审核:草稿>待审核", "退回修改:待审核>退回修改",
                "提交审核:退回修改>待审核", "审核通过:待审核>已发布");
    }

    @Test
    void editingAPublishedItemKeepsThePublicVersionUntilTheRevisionIsApproved() {
        String ent = MarketFixtures.enterprise();
        String title = "陶瓷刀具涂层耐磨性提升" + System.nanoTime();
        MarketItem d = workflow.create(MarketKind.DEMAND, MarketWorkflow.OwnerKind.ENTERPRISE, ent,
                MarketFixtures.demand(title, "03", "刀具涂层寿命短，需要提高耐磨性。", "技术开发", "50"), "王建国（enterprise1）");
        d = workflow.submit(d.id, ent, d.version, "王建国（enterprise1）");
        d = workflow.approve(d.id, d.version, "", "张伟（staff1）");
        long id = d.id;

        Map<String, String> revised = MarketItems.formOf(d);
        revised.put("title", title + "（修订）");
        revised.put("budgetMax", "80");
        MarketItem pending = workflow.edit(id, ent, d.version, revised, "王建国（enterprise1）");
        assertThat(pending.status).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(pending.title).isEqualTo(title);
        assertThat(pending.pending).containsEntry("title", title + "（修订）");

        MarketItem approved = workflow.approve(id, pending.version, "", "张伟（staff1）");
        assertThat(approved.title).isEqualTo(title + "（修订）");
        assertThat(approved.budgetMax).isEqualByComparingTo("80");
        assertThat(approved.pending).isNull();

        Map<String, String> second = MarketItems.formOf(approved);
        second.put("title", "不应生效的标题");
        MarketItem p2 = workflow.edit(id, ent, approved.version, second, "王建国（enterprise1）");
        MarketItem rejected = workflow.returnItem(id, p2.version, "标题不规范", "张伟（staff1）");
        assertThat(rejected.status).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(rejected.title).isEqualTo(title + "（修订）");
        assertThat(rejected.pending).isNull();

        MarketItem down = workflow.takeDownOwn(id, ent, rejected.version, "需求已解决", "王建国（enterprise1）");
        assertThat(down.status).isEqualTo(ItemStatus.WITHDRAWN);
        long v = down.version;
        assertThatThrownBy(() -> workflow.edit(id, ent, v, second, "王建国（enterprise1）"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已下架");
    }

    @Test
    void badInputGetsChineseFieldErrorsAndNothingIsSaved() {
        String uni = MarketFixtures.university();
        long before = QuarkusTransaction.requiringNew().call(() -> MarketItem.count());
        Map<String, String> form = new HashMap<>(MarketFixtures.achievement("", "99", "", "以物易物", "-5"));
        form.put("patents", "ZL202310123456.7\nUS123");
        form.put("maturity", "12");
        assertThatThrownBy(() -> workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni, form, "x"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors())
                        .containsEntry("title", "请填写标题")
                        .containsEntry("field", "技术领域不在领域目录中，请从列表中选择")
                        .containsEntry("modes", "合作方式只能从列表中选择")
                        .containsEntry("maturity", "请选择成熟度（1–9级）")
                        .containsEntry("price", "参考价格不能为负数")
                        .hasEntrySatisfying("patents", m -> assertThat(m).contains("ZL202310123456.7").contains("格式不正确")));
        Map<String, String> demand = new HashMap<>(MarketFixtures.demand("需求", "03", "描述", "技术开发", "abc"));
        demand.put("budgetMin", "100");
        demand.put("deadline", "2020-01-01");
        assertThatThrownBy(() -> workflow.create(MarketKind.DEMAND, MarketWorkflow.OwnerKind.ENTERPRISE,
                MarketFixtures.enterprise(), demand, "x"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors())
                        .containsEntry("budgetMax", "预算上限请填写数字，单位为万元，例如 50 或 12.5")
                        .containsEntry("deadline", "截止日期不能早于今天"));
        demand.put("budgetMax", "50");
        demand.put("deadline", "2027-02-30");
        assertThatThrownBy(() -> workflow.create(MarketKind.DEMAND, MarketWorkflow.OwnerKind.ENTERPRISE,
                MarketFixtures.enterprise(), demand, "x"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors())
                        .containsEntry("budgetMax", "预算上限不能低于预算下限")
                        .containsKey("deadline"));
        // An institution does not publish demands.
        assertThatThrownBy(() -> workflow.create(MarketKind.DEMAND, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.demand("需求", "03", "描述", "技术开发", "50"), "x")).hasMessageContaining("由企业发布");
        assertThat(QuarkusTransaction.requiringNew().call(() -> MarketItem.count())).isEqualTo(before);
    }

    @Test
    void concurrentApprovalsOfOneVersionLetExactlyOneThrough() throws Exception {
        String uni = MarketFixtures.university();
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement("并发审核测试成果" + System.nanoTime(), "01", "描述", "技术许可", ""), "x");
        MarketItem s = workflow.submit(a.id, uni, a.version, "x");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (String decision : List.of("approve", "return")) {
            results.add(pool.submit(() -> {
                try {
                    if (decision.equals("approve")) {
                        workflow.approve(a.id, s.version, "", "staff");
                    } else {
                        workflow.returnItem(a.id, s.version, "原因", "staff");
                    }
                    return "ok";
                } catch (ConflictException | jakarta.persistence.OptimisticLockException e) {
                    return "409";
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName().contains("Optimistic") || String.valueOf(e.getCause()).contains("Optimistic")
                            ? "409" : e.toString();
                }
            }));
        }
        List<String> outcomes = new java.util.ArrayList<>();
        for (var f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "409");
        assertThat(QuarkusTransaction.requiringNew().call(() -> MarketEvent.ofItem(a.id, false).size())).isEqualTo(3);
    }
}

package cn.keyida.portal.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The voucher cycle on the real PostgreSQL: budget under concurrency, expiry, redemption limits, stale forms, bad input. */
@QuarkusTest
class VoucherWorkflowTest {

    static final String STAFF = "测试员（staff1）";

    @Inject
    VoucherWorkflow workflow;

    @Inject
    cn.keyida.portal.calendar.WorkingCalendar calendar;

    static BigDecimal[] ledger(long batchId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) VoucherBatch.getEntityManager()
                    .createNativeQuery("select reserved, redeemed from voucher_batch where id = :id")
                    .setParameter("id", batchId).getSingleResult();
            return new BigDecimal[] {(BigDecimal) r[0], (BigDecimal) r[1]};
        });
    }

    static Voucher reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Voucher.<Voucher>findById(id));
    }

    /** Runs the approvals at once (released together); returns how many were approved. */
    int approveConcurrently(List<Voucher> vouchers, String amount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(vouchers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (Voucher v : vouchers) {
                Callable<Boolean> c = () -> {
                    start.await();
                    try {
                        workflow.approve(v.id, v.version, amount, "员工" + v.id);
                        return true;
                    } catch (ConflictException e) {
                        assertThat(e.getMessage()).containsAnyOf("剩余预算", "年度上限");
                        return false;
                    }
                };
                results.add(pool.submit(c));
            }
            start.countDown();
            int ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get() ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentApprovalsNeverPassTheNearlyEmptyBudget() throws Exception {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("10000", "10000");
        // one approval of 7,000 first: 3,000 of the 10,000 are left for eight approvals of 1,000 at once
        List<Voucher> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(VoucherFixtures.inReview(a, batch, p, "2000"));
        }
        assertThat(waiting).allSatisfy(v -> assertThat(v.requestedAmount).isEqualByComparingTo("1000.00"));
        Voucher big = VoucherFixtures.approved(a, batch, p, "14000", "7000");
        assertThat(big.status).isEqualTo(VoucherStatus.APPROVED);
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("7000.00");

        int approved = approveConcurrently(waiting, "1000.00");

        assertThat(approved).isEqualTo(3);
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("10000.00");
        long approvedRows = QuarkusTransaction.requiringNew().call(() ->
                Voucher.count("batchId = ?1 and status = ?2", batch.id, VoucherStatus.APPROVED));
        assertThat(approvedRows).isEqualTo(4);
    }

    @Test
    void concurrentApprovalsNeverPassTheAnnualCap() throws Exception {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("100000", "5000");
        List<Voucher> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(VoucherFixtures.inReview(a, batch, p, "4000"));
        }
        int approved = approveConcurrently(waiting, "2000.00");
        assertThat(approved).isEqualTo(2);
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("4000.00");
    }

    @Test
    void theAnnualCapCountsEveryBatchOfTheYearEvenWhenApprovedAtOnce() throws Exception {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch first = VoucherFixtures.openBatch("100000", "5000");
        VoucherBatch second = VoucherFixtures.openBatch("100000", "5000");
        VoucherBatch third = VoucherFixtures.openBatch("100000", "5000");
        Voucher earlier = VoucherFixtures.inReview(a, third, p, "8000"); // asks 4,000 while nothing is approved yet
        // three applications of 2,000 in each batch, approved all at once: two batch locks, one enterprise cap
        List<Voucher> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(VoucherFixtures.inReview(a, first, p, "4000"));
            waiting.add(VoucherFixtures.inReview(a, second, p, "4000"));
        }
        assertThat(approveConcurrently(waiting, "2000.00")).isEqualTo(2);
        assertThat(ledger(first.id)[0].add(ledger(second.id)[0])).isEqualByComparingTo("4000.00");

        // 1,000 of the 5,000 are left this year, whatever the third batch's own budget
        assertThatThrownBy(() -> workflow.approve(earlier.id, earlier.version, "1000.01", STAFF))
                .isInstanceOf(ConflictException.class).hasMessageContaining("各批次合计");
        assertThat(workflow.approve(earlier.id, earlier.version, "1000", STAFF).status).isEqualTo(VoucherStatus.APPROVED);
        // and a new application finds the year's cap used up, in any batch
        assertThatThrownBy(() -> VoucherFixtures.apply(a, VoucherFixtures.openBatch("100000", "5000"), p, "8000"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("quoteAmount"))
                        .contains("本年度额度"));
    }

    @Test
    void theEnterpriseRequestsRedemptionWhenTheBatchSaysSo() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        java.time.LocalDate t = VoucherFixtures.today();
        VoucherBatch created = workflow.createBatch(new VoucherWorkflow.BatchInput("企业兑付批次" + System.nanoTime(),
                "100000", "50000", "50", List.of("TESTING"), List.of(), List.of(), t.toString(), t.plusDays(10).toString(),
                t.plusDays(90).toString(), "60", null, "ENTERPRISE"), STAFF);
        VoucherBatch batch = workflow.moveBatch(created.id, created.version, BatchStatus.Action.OPEN);
        Voucher v = VoucherFixtures.approved(a, batch, p, "10000", "5000");
        v = workflow.confirmContract(p.subject, v.id, v.version, "10000", t.toString(), t.plusDays(20).toString(), "赵工");
        v = workflow.confirmDelivery(p.subject, v.id, v.version, "已交付", "赵工");
        Voucher accepted = workflow.acceptDelivery(a.subject, v.id, v.version, "王建国");
        VoucherInput.Upload pdf = new VoucherInput.Upload("发票.pdf", VoucherFixtures.PDF);

        assertThatThrownBy(() -> workflow.requestRedemption(p.subject, accepted.id, accepted.version, "10000", pdf, pdf,
                "赵工")).isInstanceOf(VoucherConflict.class).hasMessageContaining("由企业申请兑付");
        assertThat(reload(accepted.id).status).isEqualTo(VoucherStatus.ACCEPTED);
        Voucher requested = workflow.requestRedemptionByEnterprise(a.subject, accepted.id, accepted.version, "10000",
                pdf, pdf, "王建国");
        assertThat(requested.status).isEqualTo(VoucherStatus.REDEMPTION_REQUESTED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherEvent.count("voucherId = ?1 and action = ?2",
                accepted.id, "企业申请兑付"))).isEqualTo(1);
        // and in a provider batch the enterprise cannot
        VoucherBatch providerBatch = VoucherFixtures.openBatch("50000", "20000");
        Voucher other = VoucherFixtures.approved(VoucherFixtures.freshEnterprise(), providerBatch, p, "4000", "2000");
        assertThatThrownBy(() -> workflow.requestRedemptionByEnterprise(a.subject, other.id, other.version, "4000", pdf,
                pdf, "王建国")).isInstanceOf(jakarta.ws.rs.NotFoundException.class);
    }

    @Test
    void anOpenBatchKeepsItsRulesAndItsBudgetCoversWhatIsApproved() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("10000", "8000");
        VoucherFixtures.approved(a, batch, p, "12000", "6000");
        VoucherBatch open = QuarkusTransaction.requiringNew().call(() -> VoucherBatch.<VoucherBatch>findById(batch.id));
        java.util.function.Function<String[], VoucherWorkflow.BatchInput> input = x -> new VoucherWorkflow.BatchInput(
                x[0], x[1], "8000", x[2], List.of("TESTING", "DESIGN"), List.of("高新技术企业"), List.of("利州区"),
                open.applyFrom.toString(), x[3], open.useUntil.toString(), "60", null, x[4]);

        assertThatThrownBy(() -> workflow.editBatch(open.id, open.version,
                input.apply(new String[] {open.name, "5999.99", "50", open.applyTo.toString(), "PROVIDER"})))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("totalBudget"))
                        .contains("6,000.00"));
        assertThatThrownBy(() -> workflow.editBatch(open.id, open.version,
                input.apply(new String[] {open.name, "10000", "60", open.applyTo.toString(), "ENTERPRISE"})))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("ratioPercent", "redemptionBy"));
        VoucherBatch edited = workflow.editBatch(open.id, open.version, input.apply(new String[] {"追加预算批次",
                "30000", "50", open.applyTo.plusDays(10).toString(), "PROVIDER"}));
        assertThat(edited.totalBudget).isEqualByComparingTo("30000");
        assertThat(edited.applyTo).isEqualTo(open.applyTo.plusDays(10));
        assertThat(ledger(open.id)[0]).as("the reservation is untouched").isEqualByComparingTo("6000.00");
        VoucherBatch closed = workflow.moveBatch(edited.id, edited.version, BatchStatus.Action.CLOSE);
        assertThatThrownBy(() -> workflow.editBatch(closed.id, closed.version, input.apply(new String[] {"x", "30000",
                "50", open.applyTo.toString(), "PROVIDER"}))).isInstanceOf(VoucherConflict.class);
    }

    @Test
    void theDatabaseRefusesAnOverdraftEvenWithoutTheLedger() {
        VoucherBatch batch = VoucherFixtures.openBatch("1000", "1000");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> VoucherBatch.getEntityManager()
                .createNativeQuery("update voucher_batch set reserved = 1000.01 where id = :id")
                .setParameter("id", batch.id).executeUpdate())).hasStackTraceContaining("voucher_batch_within_budget");
    }

    @Test
    void expiryAndCancellationReleaseTheReservation() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("50000", "20000");
        Voucher expiring = VoucherFixtures.approved(a, batch, p, "6000", "3000");
        Voucher cancelled = VoucherFixtures.approved(a, batch, p, "4000", "2000");
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("5000.00");
        // valid for the batch's 60 working days (holidays and weekends skipped)
        assertThat(expiring.validUntil).isEqualTo(calendar.fromToday(60));
        assertThat(expiring.validUntil).isAfter(VoucherFixtures.today().plusDays(60 + 2 * 8 - 1));

        // five working days before the end, enterprise and provider get one reminder each, once
        java.time.LocalDate fiveBefore = expiring.validUntil.minusDays(1);
        while (calendar.load().workingDaysBetween(fiveBefore, expiring.validUntil) < VoucherWorkflow.REMIND_WORKING_DAYS) {
            fiveBefore = fiveBefore.minusDays(1);
        }
        java.time.LocalDate remindOn = fiveBefore;
        String key = "voucher-expiry-" + expiring.id + "-provider1@example.com";
        workflow.remind(remindOn);
        workflow.remind(remindOn);
        assertThat(QuarkusTransaction.requiringNew().call(() -> cn.keyida.portal.mail.MailOutbox.count("dedupeKey", key)))
                .isEqualTo(1);

        // the day after its validity the daily run expires it; the day itself it does not
        workflow.remind(expiring.validUntil);
        assertThat(reload(expiring.id).status).isEqualTo(VoucherStatus.APPROVED);
        int expired = workflow.remind(expiring.validUntil.plusDays(1));
        assertThat(expired).isGreaterThanOrEqualTo(2);
        assertThat(reload(expiring.id).status).isEqualTo(VoucherStatus.EXPIRED);
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("0.00");
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherEvent.timeline(expiring.id)))
                .anySatisfy(e -> assertThat(e.action).isEqualTo("过期失效"));

        Voucher again = VoucherFixtures.approved(a, batch, p, "4000", "2000");
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("2000.00");
        workflow.cancel(a.subject, again.id, again.version, "王建国（enterprise1）");
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("0.00");
        assertThat(cancelled).isNotNull();
    }

    @Test
    void redemptionIsNeverAboveTheApprovedAmountNorTheRatioOfTheInvoice() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("50000", "20000");
        Voucher v = VoucherFixtures.approved(a, batch, p, "16000", "7000");
        String today = VoucherFixtures.today().toString();
        v = workflow.confirmContract(p.subject, v.id, v.version, "16000", today,
                VoucherFixtures.today().plusDays(20).toString(), "赵工（provider1）");
        v = workflow.confirmDelivery(p.subject, v.id, v.version, "检测报告已出具", "赵工（provider1）");
        v = workflow.acceptDelivery(a.subject, v.id, v.version, "王建国（enterprise1）");
        VoucherInput.Upload pdf = new VoucherInput.Upload("发票.pdf", VoucherFixtures.PDF);
        v = workflow.requestRedemption(p.subject, v.id, v.version, "10000", pdf, pdf, "赵工（provider1）");
        long id = v.id;
        long version = v.version;

        // 50 % of the 10,000 invoice is 5,000, below the 7,000 approved
        assertThatThrownBy(() -> workflow.pay(id, version, "5000.01", today, "ZF-001", STAFF))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("redemptionAmount"))
                        .contains("5,000.00 元"));
        assertThat(reload(id).status).isEqualTo(VoucherStatus.REDEMPTION_REQUESTED);

        v = workflow.returnRedemption(id, version, "发票抬头有误", STAFF);
        v = workflow.requestRedemption(p.subject, v.id, v.version, "20000", pdf, pdf, "赵工（provider1）");
        long v2 = v.version;
        assertThatThrownBy(() -> workflow.pay(id, v2, "7000.01", today, "ZF-001", STAFF)).isInstanceOf(FieldErrors.class);
        v = workflow.pay(id, v2, "6800", today, "ZF-001", STAFF);
        assertThat(v.status).isEqualTo(VoucherStatus.REDEEMED);
        BigDecimal[] l = ledger(batch.id);
        assertThat(l[0]).as("reserved").isEqualByComparingTo("0.00");
        assertThat(l[1]).as("redeemed").isEqualByComparingTo("6800.00");
        // and the table refuses a redemption above the approved amount outright
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Voucher.getEntityManager()
                .createNativeQuery("update voucher set redemption_amount = 7000.01 where id = :id")
                .setParameter("id", id).executeUpdate())).hasStackTraceContaining("voucher_redemption_within_approval");
    }

    @Test
    void staleVersionsAreRefusedWith409AndChangeNothing() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("50000", "20000");
        Voucher v = VoucherFixtures.inReview(a, batch, p, "4000");
        assertThatThrownBy(() -> workflow.approve(v.id, v.version - 1, "2000", STAFF)).isInstanceOf(VoucherConflict.class);
        assertThatThrownBy(() -> workflow.reject(v.id, v.version + 1, "材料不全", STAFF)).isInstanceOf(VoucherConflict.class);
        assertThat(reload(v.id).status).isEqualTo(VoucherStatus.IN_REVIEW);
        assertThat(ledger(batch.id)[0]).isEqualByComparingTo("0.00");
        // a state the table does not allow is a 409 too
        assertThatThrownBy(() -> workflow.startReview(v.id, v.version, STAFF))
                .isInstanceOf(VoucherConflict.class).hasMessageContaining("审核中");
        assertThatThrownBy(() -> workflow.moveBatch(batch.id, batch.version - 1, BatchStatus.Action.CLOSE))
                .isInstanceOf(VoucherConflict.class);
        assertThatThrownBy(() -> workflow.moveBatch(batch.id, batch.version, BatchStatus.Action.OPEN))
                .isInstanceOf(VoucherConflict.class).hasMessageContaining("申领中");
        ProviderRegistry registry = io.quarkus.arc.Arc.container().instance(ProviderRegistry.class).get();
        assertThatThrownBy(() -> registry.review(p.id, p.version - 1, true, "")).isInstanceOf(VoucherConflict.class);
    }

    @Test
    void badApplicationsGiveChineseFieldErrorsAndSaveNothing() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("50000", "20000");
        long before = QuarkusTransaction.requiringNew().call(() -> Voucher.count() + VoucherFile.count() + VoucherEvent.count());
        VoucherInput.Upload pdf = new VoucherInput.Upload("报价单.pdf", VoucherFixtures.PDF);
        record Case(String quote, VoucherInput.Upload file, String field, String message) {}
        List<Case> cases = List.of(
                new Case("100.123", pdf, "quoteAmount", "两位小数"),
                new Case("-5", pdf, "quoteAmount", "大于 0"),
                new Case("0", pdf, "quoteAmount", "大于 0"),
                new Case("1e12", pdf, "quoteAmount", "不能超过"),
                new Case("99999999999", pdf, "quoteAmount", "不能超过"),
                new Case("一万", pdf, "quoteAmount", "数字"),
                new Case("4000", new VoucherInput.Upload("报价单.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)), "quote", "报价单"),
                new Case("4000", new VoucherInput.Upload("报价单.pdf", "just text, no pdf".getBytes(StandardCharsets.UTF_8)), "quote", "报价单"),
                new Case("4000", null, "quote", "请上传"));
        for (Case c : cases) {
            assertThatThrownBy(() -> workflow.apply(a.subject, new VoucherWorkflow.ApplicationInput(String.valueOf(batch.id),
                    String.valueOf(p.id), "", "TESTING", "材料检测", c.quote(), "王建国", "13900001111"), c.file(), "x"))
                    .as(c.toString())
                    .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get(c.field())).as(c.toString())
                            .contains(c.message()));
        }
        // a category the batch does not support, an enterprise that does not qualify
        assertThatThrownBy(() -> workflow.apply(a.subject, new VoucherWorkflow.ApplicationInput(String.valueOf(batch.id),
                String.valueOf(p.id), "", "COMPUTING", "算力", "4000", "王建国", "139"), pdf, "x"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsKey("category"));
        EnterpriseProfile b = Enterprises.enterpriseB();
        if (!"利州区".equals(b.district) || !b.qualifications.contains("高新技术企业")) {
            assertThatThrownBy(() -> VoucherFixtures.apply(b, batch, p, "4000"))
                    .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors().get("batchId")).contains("不符合"));
        }
        long after = QuarkusTransaction.requiringNew().call(() -> Voucher.count() + VoucherFile.count() + VoucherEvent.count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void datesOutsideTheWindowsAreFieldErrors() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("50000", "20000");
        Voucher v = VoucherFixtures.approved(a, batch, p, "4000", "2000");
        String late = batch.useUntil.plusDays(1).toString();
        String early = VoucherFixtures.today().minusDays(10).toString();
        assertThatThrownBy(() -> workflow.confirmContract(p.subject, v.id, v.version, "4000", early, late, "x"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> {
                    assertThat(e.errors().get("contractFrom")).contains("不能早于创新券核准日期");
                    assertThat(e.errors().get("contractTo")).contains("不能晚于本批次使用截止日期");
                });
        assertThat(reload(v.id).status).isEqualTo(VoucherStatus.APPROVED);
        // a batch whose application window ends before it starts, or has already ended
        String t = VoucherFixtures.today().toString();
        assertThatThrownBy(() -> workflow.createBatch(new VoucherWorkflow.BatchInput("坏批次", "1000.555", "-1", "120",
                List.of(), List.of(), List.of(), t, VoucherFixtures.today().minusDays(1).toString(), t, "90"), STAFF))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsKeys("totalBudget",
                        "annualCap", "ratioPercent", "categories", "applyTo"));
    }

    @Test
    void fraudFlagsAreShownButNeverBlock() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        VoucherBatch batch = VoucherFixtures.openBatch("100000", "50000");
        Voucher first = workflow.apply(a.subject, new VoucherWorkflow.ApplicationInput(String.valueOf(batch.id),
                String.valueOf(p.id), "", "TESTING", "材料检测", "20000", p.legalRepresentative, p.mobile),
                new VoucherInput.Upload("q.pdf", VoucherFixtures.PDF), "x");
        VoucherFixtures.apply(a, batch, p, "30000");
        VoucherViews views = io.quarkus.arc.Arc.container().instance(VoucherViews.class).get();
        List<String> flags = views.staffDetail(first.id).flags();
        assertThat(flags).anySatisfy(f -> assertThat(f).contains("法定代表人相同"))
                .anySatisfy(f -> assertThat(f).contains("联系电话相同"))
                .anySatisfy(f -> assertThat(f).contains("整万元"));
        Voucher v = workflow.startReview(first.id, first.version, STAFF);
        assertThat(workflow.approve(v.id, v.version, "10000", STAFF).status).isEqualTo(VoucherStatus.APPROVED);
        assertThat(views.myDetail(a.subject, first.id).flags()).as("the enterprise does not see the flags").isEmpty();
    }

    @Test
    void demoDataIsSeededOnceAndValid() {
        VoucherDemo demo = io.quarkus.arc.Arc.container().instance(VoucherDemo.class).get();
        int first = demo.seed();
        assertThat(demo.seed()).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherBatch.count())).isPositive();
        if (first > 0) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherProvider.findBySubject("demo-provider-testing")
                    .orElseThrow().status)).isEqualTo(ProviderStatus.APPROVED);
        }
    }

    @Test
    void largeApplicationsNeedTwoExpertOpinionsBeforeApproval() {
        EnterpriseProfile a = VoucherFixtures.freshEnterprise();
        VoucherProvider p = VoucherFixtures.provider();
        java.time.LocalDate t = VoucherFixtures.today();
        VoucherBatch created = workflow.createBatch(new VoucherWorkflow.BatchInput("专家评审批次" + System.nanoTime(),
                "100000", "50000", "50", List.of("TESTING"), List.of(), List.of(), t.toString(), t.plusDays(10).toString(),
                t.plusDays(90).toString(), "60", "5000", null), STAFF);
        VoucherBatch batch = workflow.moveBatch(created.id, created.version, BatchStatus.Action.OPEN);
        Voucher v = VoucherFixtures.inReview(a, batch, p, "20000");
        long id = v.id;
        long version = v.version;
        assertThatThrownBy(() -> workflow.approve(id, version, "10000", STAFF))
                .isInstanceOf(VoucherConflict.class).hasMessageContaining("两位专家");
        assertThatThrownBy(() -> workflow.requestExperts(id, version, "expert1", "expert1", STAFF))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsKey("expertB"));
        // only experts active in the pool may be named (expert6 has no entry in the test database)
        VoucherFixtures.poolExperts();
        assertThat(io.quarkus.arc.Arc.container().instance(VoucherViews.class).get().staffDetail(id).reviewers())
                .as("staff choose among the pool's reviewing experts").extracting(x -> x.username())
                .contains("expert1", "expert2").doesNotContain("nobody-in-pool");
        assertThatThrownBy(() -> workflow.requestExperts(id, version, "expert1", "nobody-in-pool", STAFF))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsOnlyKeys("expertB")
                        .extractingByKey("expertB").asString().contains("不是在库专家"));
        long mailsBefore = expertMails();
        v = workflow.requestExperts(id, version, "expert1", "expert2", STAFF);
        assertThat(expertMails()).as("both named experts are mailed").isEqualTo(mailsBefore + 2);
        assertThat(v.status).isEqualTo(VoucherStatus.EXPERT_REVIEW);
        long v1 = v.version;
        assertThatThrownBy(() -> workflow.recordOpinion("expert3", id, v1, "yes", "同意", "专家3"))
                .isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        assertThatThrownBy(() -> workflow.recordOpinion("expert1", id, v1, "maybe", "", "专家1"))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsKeys("recommend", "opinion"));
        v = workflow.recordOpinion("expert1", id, v1, "yes", "检测项目与企业研发相关，价格合理。", "专家1");
        assertThat(v.status).isEqualTo(VoucherStatus.EXPERT_REVIEW);
        long v2 = v.version;
        assertThat(v2).isGreaterThan(v1);
        assertThatThrownBy(() -> workflow.recordOpinion("expert2", id, v1, "yes", "同意", "专家2"))
                .as("a stale form").isInstanceOf(VoucherConflict.class);
        assertThatThrownBy(() -> workflow.recordOpinion("expert1", id, v2, "no", "再想想", "专家1"))
                .isInstanceOf(VoucherConflict.class).hasMessageContaining("已提交过");
        v = workflow.recordOpinion("expert2", id, v2, "no", "建议降低金额。", "专家2");
        assertThat(v.status).isEqualTo(VoucherStatus.IN_REVIEW);
        v = workflow.approve(id, v.version, "8000", STAFF);
        assertThat(v.status).isEqualTo(VoucherStatus.APPROVED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherReview.of(id))).hasSize(2);
    }

    static long expertMails() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> cn.keyida.portal.mail.MailOutbox
                .count("recipient in ?1 and subject like ?2", List.of("expert1@example.com", "expert2@example.com"),
                        "%请您评审创新券申请%"));
    }
}

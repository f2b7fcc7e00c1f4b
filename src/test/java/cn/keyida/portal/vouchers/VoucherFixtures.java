package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Batches, the approved provider1 with a 检验检测 service, and applications, through the real services. */
public final class VoucherFixtures {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private VoucherFixtures() {}

    static VoucherWorkflow workflow() {
        return Arc.container().instance(VoucherWorkflow.class).get();
    }

    static LocalDate today() {
        return Arc.container().instance(PortalClock.class).get().today();
    }

    /** A new 高新技术企业 in 利州区 without vouchers (the annual cap spans batches: tests that approve use their own). */
    static EnterpriseProfile freshEnterprise() {
        return Enterprises.fresh();
    }

    /** An open batch for 检验检测 and 研发设计, 高新技术企业 in 利州区 (enterprise A qualifies). */
    public static VoucherBatch openBatch(String budget, String cap) {
        LocalDate t = today();
        VoucherBatch b = workflow().createBatch(new VoucherWorkflow.BatchInput("测试批次" + System.nanoTime(), budget, cap,
                "50", List.of("TESTING", "DESIGN"), List.of("高新技术企业"), List.of("利州区"), t.minusDays(1).toString(),
                t.plusDays(30).toString(), t.plusDays(120).toString(), "60"), "测试员（staff1）");
        return workflow().moveBatch(b.id, b.version, BatchStatus.Action.OPEN);
    }

    /** provider1, registered and approved, with one 检验检测 service in its catalogue. */
    public static VoucherProvider provider() {
        String subject = Enterprises.subject("provider1");
        VoucherProvider existing = QuarkusTransaction.requiringNew().call(() ->
                VoucherProvider.findBySubject(subject).orElse(null));
        if (existing != null && existing.status == ProviderStatus.APPROVED) {
            return existing;
        }
        ProviderRegistry registry = Arc.container().instance(ProviderRegistry.class).get();
        VoucherProvider p = registry.register(subject, "provider1", new ProviderRegistry.ProviderInput(
                existing == null ? "0" : String.valueOf(existing.version), "广元市检验检测认证中心",
                "91330100716105852F", "李明", "赵工", "0839-3261234", "provider1@example.com", "CMA 2022230000", List.of("TESTING", "DESIGN"),
                "材料成分、力学性能检测"));
        registry.addOffer(subject, new ProviderRegistry.OfferInput("金属材料力学性能检测", "TESTING", "8000", "10"));
        return registry.review(p.id, p.version, true, "");
    }

    static long offer(VoucherProvider p) {
        return QuarkusTransaction.requiringNew().call(() -> VoucherOffer.of(p.id).get(0).id);
    }

    /** An application of {@code enterprise} for 检验检测 with the given quote. */
    public static Voucher apply(EnterpriseProfile enterprise, VoucherBatch b, VoucherProvider p, String quote) {
        return workflow().apply(enterprise.subject, new VoucherWorkflow.ApplicationInput(String.valueOf(b.id),
                String.valueOf(p.id), "", "TESTING", "材料检测", quote, "王建国", "13900001111"),
                new VoucherInput.Upload("报价单.pdf", PDF), "王建国（enterprise1）");
    }

    /** Applied and in review. */
    public static Voucher inReview(EnterpriseProfile enterprise, VoucherBatch b, VoucherProvider p, String quote) {
        Voucher v = apply(enterprise, b, p, quote);
        return workflow().startReview(v.id, v.version, "测试员（staff1）");
    }

    /** In review by expert1 and expert2. */
    public static Voucher withExperts(EnterpriseProfile enterprise, VoucherBatch b, VoucherProvider p, String quote) {
        Voucher v = inReview(enterprise, b, p, quote);
        poolExperts();
        return workflow().requestExperts(v.id, v.version, "expert1", "expert2", "测试员（staff1）");
    }

    /** expert1 and expert2 active in the expert pool: only pool experts may be named. */
    public static void poolExperts() {
        cn.keyida.portal.experts.ExpertFixtures.activeAccount("expert1", "张专家", "四川省新材料研究院", java.util.List.of("03", "02"));
        cn.keyida.portal.experts.ExpertFixtures.activeAccount("expert2", "李专家", "广元市农业科学研究院", java.util.List.of("10", "04"));
    }

    public static Voucher approved(EnterpriseProfile enterprise, VoucherBatch b, VoucherProvider p, String quote,
            String amount) {
        Voucher v = inReview(enterprise, b, p, quote);
        return workflow().approve(v.id, v.version, amount, "测试员（staff1）");
    }
}

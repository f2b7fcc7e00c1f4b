package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Demo data for {@code ./portal run}: an open batch and two listed providers with their catalogues, so the
 * public voucher page and the application form have something to show. Idempotent: does nothing when a
 * batch exists. The providers' subjects are placeholders (no Keycloak account); provider1 and provider2
 * register themselves.
 */
@ApplicationScoped
public class VoucherDemo {

    private final VoucherWorkflow workflow;
    private final ProviderRegistry registry;
    private final PortalClock clock;

    VoucherDemo(VoucherWorkflow workflow, ProviderRegistry registry, PortalClock clock) {
        this.workflow = workflow;
        this.registry = registry;
        this.clock = clock;
    }

    /** Returns how many records it created. */
    public int seed() {
        if (QuarkusTransaction.requiringNew().call(() -> VoucherBatch.count()) > 0) {
            return 0;
        }
        var today = clock.today();
        VoucherBatch b = workflow.createBatch(new VoucherWorkflow.BatchInput(today.getYear() + "年度广元市科技创新券（第一批）",
                "5000000", "200000", "50", List.of("TESTING", "DESIGN", "PILOT", "COMPUTING"),
                List.of("科技型中小企业"), List.of(), today.toString(), today.plusMonths(3).toString(),
                today.plusMonths(12).toString(), "60"), "演示数据");
        workflow.moveBatch(b.id, b.version, BatchStatus.Action.OPEN);
        provider("demo-provider-testing", "四川广元检验检测研究院有限公司", "91330100716105852F", "CMA 202223001234；CNAS L12345",
                List.of("TESTING"), List.of(new ProviderRegistry.OfferInput("金属材料力学性能检测", "TESTING", "8000", "10"),
                        new ProviderRegistry.OfferInput("食品安全全项检测", "TESTING", "", "15")));
        provider("demo-provider-design", "广元市工业设计与中试服务中心", "914403001922038216", "",
                List.of("DESIGN", "PILOT"), List.of(new ProviderRegistry.OfferInput("产品结构设计与仿真", "DESIGN", "30000", "30"),
                        new ProviderRegistry.OfferInput("新材料中试熟化", "PILOT", "", "90")));
        return 7;
    }

    private void provider(String subject, String name, String code, String credentials, List<String> categories,
            List<ProviderRegistry.OfferInput> offers) {
        VoucherProvider p = registry.register(subject, subject, new ProviderRegistry.ProviderInput("0", name, code,
                "（演示）", "（演示）联系人", "0839-0000000", subject + "@example.com", credentials, categories,
                "演示数据：入库服务机构"));
        offers.forEach(o -> registry.addOffer(subject, o));
        registry.review(p.id, p.version, true, "");
    }
}

package cn.keyida.portal.market;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.ProfileService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data for {@code ./portal run}: a demo institution's published achievements and a demo enterprise's
 * published demands, through the workflow (so they are reviewed, indexed and matched like any other).
 * Idempotent: does nothing when demo items exist. The owners' subjects are placeholders (no Keycloak
 * account); university1 and enterprise1 publish their own.
 */
@ApplicationScoped
public class MarketDemo {

    static final String INSTITUTION = "demo-institution-market";
    static final String ENTERPRISE = "demo-enterprise-market";

    private final MarketWorkflow workflow;
    private final InstitutionService institutions;
    private final ProfileService profiles;
    private final PortalClock clock;

    MarketDemo(MarketWorkflow workflow, InstitutionService institutions, ProfileService profiles, PortalClock clock) {
        this.workflow = workflow;
        this.institutions = institutions;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Returns how many items it published. */
    public int seed() {
        if (QuarkusTransaction.requiringNew().call(() -> MarketItem.count("ownerSubject in ?1", List.of(INSTITUTION, ENTERPRISE))) > 0) {
            return 0;
        }
        if (institutions.find(INSTITUTION).isEmpty()) {
            institutions.save(INSTITUTION, Map.of("name", "四川信息职业技术学院（演示）", "kind", "高等学校",
                    "code", "事证第151000005678号", "contactPerson", "周老师", "mobile", "13800001234",
                    "email", "demo-institution@example.com"), null);
        }
        if (QuarkusTransaction.requiringNew().call(() -> cn.keyida.portal.enterprise.EnterpriseProfile.findBySubject(ENTERPRISE).isEmpty())) {
            profiles.save(ENTERPRISE, new ProfileService.ProfileInput("广元市示范食品有限公司（演示）", "91510802739205186N", "利州区",
                "农副食品加工", "陈经理", "13800005678", "demo-enterprise@example.com", List.of("科技型中小企业"), "120",
                    null, null, null, false, null), null);
        }
        String deadline = clock.today().plusMonths(6).toString();
        int n = 0;
        n += publish(MarketKind.ACHIEVEMENT, achievement("猕猴桃果酒低温发酵与澄清稳定工艺", "10",
                "以红心猕猴桃为原料，经低温控温发酵、果胶酶澄清和冷冻稳定处理，酿造口感清爽的猕猴桃果酒，解决果酒浑浊、褐变问题，可联产果汁、果醋。",
                "技术转让", "30", "7", "猕猴桃深加工、果酒果醋生产"));
        n += publish(MarketKind.ACHIEVEMENT, achievement("工业设备振动监测与故障预警物联网平台", "01",
                "在电机、风机、泵等旋转设备上加装无线振动温度传感器，云平台实时分析频谱特征，提前发现轴承磨损、不对中等故障并预警，减少非计划停机。",
                "技术开发\n技术咨询/服务", "", "8", "机械制造、化工、水泥企业设备运维"));
        n += publish(MarketKind.ACHIEVEMENT, achievement("高浓度有机废水厌氧处理与沼气回收技术", "07",
                "采用内循环厌氧反应器处理酿酒、食品加工高浓度有机废水，化学需氧量去除率85%以上，回收沼气用于锅炉燃料，出水经好氧处理达标排放。",
                "技术转让\n技术开发", "120", "8", "白酒、食品、制药企业废水处理"));
        n += publish(MarketKind.DEMAND, demand("猕猴桃精深加工产品开发", "10",
                "公司每年收购鲜猕猴桃三千吨，鲜果销售季节集中、损耗大，希望开发果酒、果脯等精深加工产品，延长产业链。",
                "鲜果损耗大、加工产品单一", "技术转让\n技术开发", "50", deadline));
        n += publish(MarketKind.DEMAND, demand("食品加工废水处理达标排放", "07",
                "公司食品加工废水化学需氧量高、水量波动大，现有处理设施难以稳定达标，希望引进高效厌氧处理技术并回收沼气。",
                "出水化学需氧量不稳定，处理成本高", "技术开发\n技术转让", "150", deadline));
        return n;
    }

    private int publish(MarketKind kind, Map<String, String> form) {
        boolean demand = kind == MarketKind.DEMAND;
        String owner = demand ? ENTERPRISE : INSTITUTION;
        MarketItem item = workflow.create(kind, demand ? MarketWorkflow.OwnerKind.ENTERPRISE : MarketWorkflow.OwnerKind.INSTITUTION,
                owner, form, "演示数据");
        item = workflow.submit(item.id, owner, item.version, "演示数据");
        workflow.approve(item.id, item.version, "演示数据", "演示数据");
        return 1;
    }

    private static Map<String, String> achievement(String title, String field, String description, String modes, String price,
            String maturity, String scenarios) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("field", field);
        f.put("description", description);
        f.put("modes", modes);
        f.put("holders", "四川信息职业技术学院（演示）");
        f.put("achievementType", "应用技术");
        f.put("maturity", maturity);
        f.put("patents", "");
        f.put("price", price);
        f.put("priceNegotiable", price.isEmpty() ? "true" : "false");
        f.put("scenarios", scenarios);
        return f;
    }

    private static Map<String, String> demand(String title, String field, String description, String problem, String modes,
            String budgetMax, String deadline) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("field", field);
        f.put("description", description);
        f.put("problem", problem);
        f.put("modes", modes);
        f.put("budgetMax", budgetMax);
        f.put("deadline", deadline);
        f.put("namePublic", "true");
        return f;
    }
}

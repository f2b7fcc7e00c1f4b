package cn.keyida.portal.market;

import cn.keyida.portal.support.Enterprises;
import io.quarkus.arc.Arc;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Profiles and forms the market tests share. */
final class MarketFixtures {

    private MarketFixtures() {}

    static String university() {
        String subject = Enterprises.subject("university1");
        InstitutionService service = Arc.container().instance(InstitutionService.class).get();
        if (service.find(subject).isEmpty()) {
            service.save(subject, Map.of("name", "广元理工学院", "kind", "高等学校", "code", "事证第151000001234号",
                    "contactPerson", "李明", "mobile", "13900002222", "email", "university1@example.com"), null);
        }
        return subject;
    }

    static String enterprise() {
        return Enterprises.enterpriseA().subject;
    }

    static Map<String, String> achievement(String title, String field, String description, String modes, String price) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("field", field);
        f.put("description", description);
        f.put("modes", modes);
        f.put("holders", "广元理工学院");
        f.put("achievementType", "应用技术");
        f.put("maturity", "6");
        f.put("patents", "ZL202310123456.6");
        f.put("price", price);
        f.put("priceNegotiable", price.isEmpty() ? "true" : "false");
        f.put("scenarios", "");
        return f;
    }

    static Map<String, String> demand(String title, String field, String description, String modes, String budgetMax) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("field", field);
        f.put("description", description);
        f.put("problem", description);
        f.put("modes", modes);
        f.put("budgetMin", "");
        f.put("budgetMax", budgetMax);
        f.put("deadline", LocalDate.now().plusMonths(6).toString());
        f.put("namePublic", "true");
        return f;
    }
}

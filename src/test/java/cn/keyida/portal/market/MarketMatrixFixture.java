package cn.keyida.portal.market;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Path values of the market's routes for the authorization matrix: a published demand of enterprise A,
 * a published achievement of university1, their match and a 对接 case between them.
 */
public final class MarketMatrixFixture {

    private MarketMatrixFixture() {}

    public static Map<String, String> values() {
        MarketWorkflow workflow = Arc.container().instance(MarketWorkflow.class).get();
        CaseWorkflow cases = Arc.container().instance(CaseWorkflow.class).get();
        String ent = MarketFixtures.enterprise();
        String uni = MarketFixtures.university();
        MarketItem d = workflow.create(MarketKind.DEMAND, MarketWorkflow.OwnerKind.ENTERPRISE, ent,
                MarketFixtures.demand("权限矩阵测试需求", "09", "权限矩阵测试用的技术需求。", "技术咨询/服务", "10"), "matrix");
        d = workflow.submit(d.id, ent, d.version, "matrix");
        d = workflow.approve(d.id, d.version, "", "matrix");
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement("权限矩阵测试成果", "09", "权限矩阵测试用的科技成果。", "技术咨询/服务", "5"), "matrix");
        a = workflow.submit(a.id, uni, a.version, "matrix");
        a = workflow.approve(a.id, a.version, "", "matrix");
        long demandId = d.id;
        long achievementId = a.id;
        // The portal may have matched the two already (after the second approval): the pair is unique.
        long match = QuarkusTransaction.requiringNew().call(() -> ((Number) MarketMatch.getEntityManager().createNativeQuery("""
                insert into market_match (demand_id, achievement_id, score, reason, created_at, notified_at)
                values (:d, :a, 1, '权限矩阵', now(), now())
                on conflict (demand_id, achievement_id) do update set reason = excluded.reason returning id""")
                .setParameter("d", demandId).setParameter("a", achievementId).getSingleResult()).longValue());
        long c = cases.request(achievementId, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "", "matrix").id;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("/market/{kind}/{id}", "/market/achievements/" + achievementId);
        v.put("/my/market/matches/{id}", "/my/market/matches/" + match);
        v.put("/my/market/request/{id}", "/my/market/request/" + achievementId);
        v.put("/my/market/cases/{id}", "/my/market/cases/" + c);
        v.put("/my/market/{id}", "/my/market/" + demandId);
        v.put("{ownerAction}", "submit");
        v.put("/staff/market/items/{id}", "/staff/market/items/" + demandId);
        v.put("{decision}", "approve");
        v.put("/staff/market/matches/{id}", "/staff/market/matches/" + match);
        v.put("/staff/market/cases/{id}", "/staff/market/cases/" + c);
        v.put("{caseAction}", "negotiate");
        v.put("{needId}", String.valueOf(transferNeed(ent)));
        // A file on the published achievement (public route), and one on enterprise A's demand (owner and staff routes).
        v.put("/market/achievements/{id}/files/{marketFile}", "/market/achievements/" + achievementId + "/files/" + file(achievementId));
        v.put("{marketFile}", String.valueOf(file(demandId)));
        return v;
    }

    /** A need of category 成果转化/技术转移 of the enterprise, for the conversion routes. */
    static long transferNeed(String subject) {
        var submission = Arc.container().instance(cn.keyida.portal.needs.NeedSubmission.class).get();
        return submission.submit(subject, new cn.keyida.portal.needs.NeedSubmission.Submission("TRANSFER",
                "权限矩阵测试转化需求", "希望引进一项成熟的污水处理技术。", "", java.math.BigDecimal.TEN, null, true),
                java.util.List.of(), "matrix").orElseThrow().id;
    }

    static long file(long itemId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MarketAttachment a = new MarketAttachment();
            a.itemId = itemId;
            a.fileName = "说明.pdf";
            a.contentType = "application/pdf";
            a.data = "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            a.size = a.data.length;
            a.createdAt = java.time.Instant.now();
            a.persist();
            return a.id;
        });
    }
}

package cn.keyida.portal.market;

import io.quarkus.arc.Arc;

/** Published market items for other features' tests (events' 对接会 pairings). */
public final class MarketTestItems {

    private MarketTestItems() {}

    /** A published achievement of university1's institution; returns its id. */
    public static long publishedAchievement(String title) {
        MarketWorkflow workflow = Arc.container().instance(MarketWorkflow.class).get();
        String uni = MarketFixtures.university();
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement(title, "09", "对接会现场推介的科技成果。", "技术咨询/服务", "5"), "test");
        a = workflow.submit(a.id, uni, a.version, "test");
        return workflow.approve(a.id, a.version, "", "test").id;
    }
}

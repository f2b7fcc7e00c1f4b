package cn.keyida.portal.market;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.needs.NeedLinks;
import cn.keyida.portal.techfield.TechFields;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An enterprise's need of category 成果转化/技术转移 becomes a published 技术需求 with its consent: staff
 * draft the demand from the need (owned by the enterprise, linked to the need), the enterprise consents on
 * the demand's page (reached from its need page), and the demand is published at once (staff reviewed it
 * when they drafted it). The need's side (its link and timeline) is written through needs' own
 * {@link NeedLinks}; the market never names needs' tables.
 */
@ApplicationScoped
public class NeedConversion {

    static final String LINK = "market-demand";

    private final NeedLinks needs;
    private final MarketWorkflow workflow;
    private final TechFields fields;
    private final PortalClock clock;
    private final MarketMails mails;
    private final Event<MarketChanged> changed;

    NeedConversion(NeedLinks needs, MarketWorkflow workflow, TechFields fields, PortalClock clock, MarketMails mails,
            Event<MarketChanged> changed) {
        this.needs = needs;
        this.workflow = workflow;
        this.fields = fields;
        this.clock = clock;
        this.mails = mails;
        this.changed = changed;
    }

    /** The staff form: the need, and the demand's form values (first drafted from the need). */
    public record Draft(NeedLinks.Source need, MarketViews.Form form) {}

    /** The demand already made of the need (drafted or published), if any. */
    @Transactional
    public Optional<MarketItem> existing(long needId) {
        return MarketItem.<MarketItem>find("sourceNeedId = ?1 and status <> ?2", needId, ItemStatus.WITHDRAWN)
                .firstResultOptional();
    }

    /** The need as a source, refused unless it is of category 成果转化/技术转移 and still open. */
    @Transactional
    public NeedLinks.Source source(long needId) {
        NeedLinks.Source s = needs.source(needId).orElseThrow(() -> new NotFoundException("需求不存在"));
        if (!NeedLinks.TRANSFER.equals(s.categoryCode())) {
            throw new InvalidInputException("只有“成果转化/技术转移”类需求可以转为技术需求（本需求类别：" + s.categoryName() + "）");
        }
        if (s.status().equals("WITHDRAWN")) {
            throw new InvalidInputException("企业已撤回该需求，不能转为技术需求");
        }
        return s;
    }

    /** The form's first values, from the need. */
    static Map<String, String> fromNeed(NeedLinks.Source s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", s.title());
        v.put("description", s.description());
        v.put("problem", s.description());
        v.put("indicators", s.expectedOutcome() == null ? "" : s.expectedOutcome());
        v.put("budgetMax", s.budget() == null ? "" : s.budget().stripTrailingZeros().toPlainString());
        v.put("deadline", s.wantedBy() == null ? "" : s.wantedBy().toString());
        v.put("namePublic", "true");
        return v;
    }

    /**
     * Staff draft the demand: a draft owned by the enterprise, recording its source need; the need shows a
     * link asking the enterprise to consent. All or nothing (bad input: field errors, nothing saved).
     */
    @Transactional
    public MarketItem propose(long needId, Map<String, String> form, String actor) {
        NeedLinks.Source s = source(needId);
        if (existing(needId).isPresent()) {
            throw new MarketConflictException("该需求已转为技术需求");
        }
        MarketItem item = workflow.create(MarketKind.DEMAND, MarketWorkflow.OwnerKind.ENTERPRISE, s.enterpriseSubject(),
                form, actor);
        item.sourceNeedId = s.id();
        item.sourceNeedNo = s.trackingNo();
        item.proposedBy = actor;
        MarketEvent.item(item, actor, "根据企业需求拟稿", ItemStatus.DRAFT, "来源需求 " + s.trackingNo() + "，待企业同意后发布", true);
        needs.link(needId, LINK, "科技局建议将本需求发布为技术需求，请查看并确认是否同意", "/my/market/" + item.id, actor,
                "拟发布为技术需求：" + item.title);
        mails.decision(item, "已由科技局根据您的需求拟稿，请登录确认是否同意发布", "");
        return item;
    }

    /** The enterprise consents: the drafted demand is published and the need links to it. */
    @Transactional
    public MarketItem consent(long itemId, String subject, long version, String actor) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(itemId).filter(i -> i.ownerSubject.equals(subject))
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
        if (item.version != version) {
            throw MarketConflictException.stale();
        }
        if (!item.awaitingConsent()) {
            throw new MarketConflictException("该技术需求不在待企业同意状态");
        }
        // Its deadline may have passed while it waited: checked again, as on any submission.
        MarketItems.apply(item, MarketItems.formOf(item), fields, clock.today());
        ItemStatus from = MarketWorkflow.move(item, ItemAction.SUBMIT);
        item.submittedAt = clock.now();
        MarketEvent.item(item, actor, "企业同意发布", from, "", true);
        from = MarketWorkflow.move(item, ItemAction.APPROVE);
        item.publishedAt = clock.now();
        item.reviewDue = null;
        MarketEvent.item(item, item.proposedBy, "审核通过", from, "拟稿时已审核", true);
        mails.decision(item, "已发布", "");
        changed.fire(new MarketChanged(item.id, item.slug(), false, true));
        needs.link(item.sourceNeedId, LINK, "已发布为技术需求：" + item.title, item.url(), actor, "企业同意后发布");
        return item;
    }
}

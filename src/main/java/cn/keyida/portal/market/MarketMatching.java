package cn.keyida.portal.market;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.techfield.TechFields;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 成果 ↔ 需求 matching: when an item is published, candidates on the other side come from
 * Elasticsearch (more-like-this on the item's text, through {@link SearchService#similar}) and are
 * scored with the structured rules of {@link MarketMatcher}. New pairs are kept once
 * ({@code market_match}, unique per pair) and each owner hears of a pair once (in-site list and mail).
 */
@ApplicationScoped
public class MarketMatching {

    /** How many similar texts to fetch before the structured rules re-rank them. */
    static final int RETRIEVE = 30;

    /** Words every record uses: not a reason to pair two records. */
    static final Set<String> GENERIC = Set.of("技术", "企业", "公司", "需要", "希望", "产品", "生产", "提高", "应用", "工艺",
            "开发", "实现", "解决", "问题", "可以", "用于", "进行", "以上", "适用", "要求", "满足", "采用", "引进", "建设");

    private final SearchService search;
    private final TechFields fields;
    private final PortalClock clock;
    private final MarketMails mails;
    private final MarketConfig config;

    MarketMatching(SearchService search, TechFields fields, PortalClock clock, MarketMails mails, MarketConfig config) {
        this.search = search;
        this.fields = fields;
        this.clock = clock;
        this.mails = mails;
        this.config = config;
    }

    /** After an item's public version changed (publication, approved revision): match it. Never throws. */
    void afterPublish(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarketChanged change) {
        if (!change.published()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> match(change.id()));
        } catch (RuntimeException e) {
            // Search may be down: the item is published; staff can run the matching again from the board.
            Log.warnf("Matching of market item %d failed: %s", change.id(), e.toString());
        }
    }

    /** The candidate list an owner gets: the best {@code portal.market.candidates} of {@link #ranked}. */
    @Transactional
    public List<MarketMatcher.Scored> candidates(long itemId, boolean textOnly) {
        return ranked(itemId, textOnly).stream().limit(config.candidates()).toList();
    }

    /**
     * Every scored candidate of a published item, best first, without pairs its owner marked 不相关;
     * {@code textOnly}: the plain baseline, Elasticsearch's order with no rule and no cut.
     */
    @Transactional
    public List<MarketMatcher.Scored> ranked(long itemId, boolean textOnly) {
        MarketItem item = MarketItem.findById(itemId);
        if (item == null || item.status != ItemStatus.PUBLISHED) {
            return List.of();
        }
        List<SearchService.Similar> similar = search.similar(MarketDocuments.matchText(item), item.kind.other().type,
                MarketItem.SLUG_PREFIX, RETRIEVE);
        if (similar.isEmpty()) {
            return List.of();
        }
        double top = similar.get(0).score();
        Map<Long, Double> text = new HashMap<>();
        for (SearchService.Similar s : similar) {
            MarketItem.idOfSlug(s.slug()).ifPresent(id -> text.putIfAbsent(id, top > 0 ? s.score() / top : 0));
        }
        Map<Long, MarketItem> others = MarketItem.<MarketItem>list("status = ?1 and kind = ?2 and id in ?3",
                ItemStatus.PUBLISHED, item.kind.other(), text.keySet()).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Set<Long> hidden = hiddenFor(item);
        Map<String, TechFields.Field> fieldMap = fields.all().stream()
                .collect(Collectors.toMap(TechFields.Field::code, Function.identity()));
        Set<String> words = new LinkedHashSet<>(search.words(MarketDocuments.matchText(item)));
        words.removeAll(GENERIC);
        LocalDate today = clock.today();
        List<MarketMatcher.Scored> out = new ArrayList<>();
        for (SearchService.Similar s : similar) {
            long id = MarketItem.idOfSlug(s.slug()).orElse(-1L);
            MarketItem other = others.get(id);
            if (other == null || hidden.contains(id)) {
                continue;
            }
            MarketItem demand = item.kind == MarketKind.DEMAND ? item : other;
            MarketItem achievement = item.kind == MarketKind.DEMAND ? other : item;
            if (textOnly) {
                out.add(new MarketMatcher.Scored(demand, achievement, text.get(id), "文本相似"));
                continue;
            }
            Set<String> otherWords = new LinkedHashSet<>(search.words(MarketDocuments.matchText(other)));
            otherWords.removeAll(GENERIC);
            Set<String> shared = new LinkedHashSet<>(words);
            shared.retainAll(otherWords);
            MarketMatcher.score(demand, achievement, overlap(shared.size(), words.size(), otherWords.size()), shared,
                    fieldMap.get(demand.fieldCode), fieldMap.get(achievement.fieldCode), today).ifPresent(out::add);
        }
        if (!textOnly) {
            out.removeIf(c -> c.score() < config.minScore());
            out.sort(Comparator.comparingDouble(MarketMatcher.Scored::score).reversed()
                    .thenComparing(c -> other(item, c).id));
        }
        return out;
    }

    /**
     * Matches a published item: stores its top candidates as pairs (score and reason refreshed, feedback
     * kept) and tells both owners of every pair nobody was told of yet, once (the claim is one update).
     * Returns the number of newly told pairs.
     */
    @Transactional
    public int match(long itemId) {
        MarketItem item = MarketItem.findById(itemId);
        List<MarketMatcher.Scored> top = candidates(itemId, false);
        List<MarketMails.Candidate> forOwner = new ArrayList<>();
        int told = 0;
        for (MarketMatcher.Scored c : top) {
            var em = MarketMatch.getEntityManager();
            em.createNativeQuery("""
                    insert into market_match (demand_id, achievement_id, score, reason, created_at)
                    values (:d, :a, :s, :r, now())
                    on conflict (demand_id, achievement_id) do update set score = excluded.score, reason = excluded.reason""")
                    .setParameter("d", c.demand().id).setParameter("a", c.achievement().id)
                    .setParameter("s", BigDecimal.valueOf(c.score())).setParameter("r", c.reason()).executeUpdate();
            // Claim the pair: only one transaction (on any instance) sees the update succeed.
            int claimed = em.createNativeQuery("""
                    update market_match set notified_at = now() where demand_id = :d and achievement_id = :a
                    and notified_at is null and coalesce(demand_feedback, '') <> 'IRRELEVANT'
                    and coalesce(achievement_feedback, '') <> 'IRRELEVANT'""")
                    .setParameter("d", c.demand().id).setParameter("a", c.achievement().id).executeUpdate();
            if (claimed == 0) {
                continue;
            }
            told++;
            MarketItem other = other(item, c);
            forOwner.add(new MarketMails.Candidate(other.title, score(c.score()), c.reason(), other.url()));
            mails.matches("market-match:" + c.demand().id + ":" + c.achievement().id + ":" + other.id, other,
                    List.of(new MarketMails.Candidate(item.title, score(c.score()), c.reason(), item.url())));
        }
        if (!forOwner.isEmpty()) {
            mails.matches("market-match:" + item.id + ":" + forOwner.stream().map(MarketMails.Candidate::link)
                    .collect(Collectors.joining(",")).hashCode(), item, forOwner);
        }
        return told;
    }

    /** The owner of one side marks a pair 感兴趣 or 不相关 (不相关 hides it and it is never sent again). */
    @Transactional
    public MarketMatch feedback(long matchId, String subject, String value) {
        MarketMatch m = MarketMatch.<MarketMatch>findByIdOptional(matchId).orElseThrow(() -> new NotFoundException("未找到该匹配"));
        MarketItem demand = MarketItem.findById(m.demandId);
        MarketItem achievement = MarketItem.findById(m.achievementId);
        if (!subject.equals(demand.ownerSubject) && !subject.equals(achievement.ownerSubject)) {
            throw new NotFoundException("未找到该匹配");
        }
        if (!MarketMatch.INTERESTED.equals(value) && !MarketMatch.IRRELEVANT.equals(value)) {
            throw new InvalidInputException("请选择“感兴趣”或“不相关”");
        }
        if (subject.equals(demand.ownerSubject)) {
            m.demandFeedback = value;
        } else if (subject.equals(achievement.ownerSubject)) {
            m.achievementFeedback = value;
        } else {
            throw new NotFoundException("未找到该匹配");
        }
        return m;
    }

    /**
     * The text component of the score: the words two records share (cut by the index's analyzer, generic
     * words left out) over the geometric mean of their word counts, scaled so a strong pair reaches 1.
     * Absolute rather than relative to the best retrieved record, so a lone weak candidate stays weak;
     * Elasticsearch's more-like-this chooses which records are scored and orders the baseline.
     */
    static double overlap(int shared, int a, int b) {
        if (shared == 0 || a == 0 || b == 0) {
            return 0;
        }
        return Math.min(1.0, 2.5 * shared / Math.sqrt((double) a * b));
    }

    private Set<Long> hiddenFor(MarketItem item) {
        if (item.kind == MarketKind.DEMAND) {
            return MarketMatch.<MarketMatch>list("demandId = ?1 and demandFeedback = ?2", item.id, MarketMatch.IRRELEVANT)
                    .stream().map(m -> m.achievementId).collect(Collectors.toSet());
        }
        return MarketMatch.<MarketMatch>list("achievementId = ?1 and achievementFeedback = ?2", item.id, MarketMatch.IRRELEVANT)
                .stream().map(m -> m.demandId).collect(Collectors.toSet());
    }

    private static MarketItem other(MarketItem item, MarketMatcher.Scored c) {
        return item.kind == MarketKind.DEMAND ? c.achievement() : c.demand();
    }

    static String score(double s) {
        return String.format("%.0f%%", s * 100);
    }
}

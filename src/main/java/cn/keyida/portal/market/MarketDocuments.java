package cn.keyida.portal.market;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchDocumentSource;
import cn.keyida.portal.techfield.TechFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hands published demands and achievements to search as documents of type {@code demand} and
 * {@code achievement}, beside the imported records: field as category, modes, maturity and budget
 * band as tags.
 */
@ApplicationScoped
class MarketDocuments implements SearchDocumentSource {

    private final TechFields fields;

    MarketDocuments(TechFields fields) {
        this.fields = fields;
    }

    @Override
    public Map<String, SearchDocument> published(Collection<String> slugs) {
        List<Long> ids = slugs.stream().map(MarketItem::idOfSlug).flatMap(java.util.Optional::stream).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return MarketItem.<MarketItem>list("status = ?1 and id in ?2", ItemStatus.PUBLISHED, ids).stream()
                .filter(i -> slugs.contains(i.slug()))
                .collect(Collectors.toMap(MarketItem::slug, this::document));
    }

    @Override
    public List<Keyed> publishedAfter(long afterId, int limit) {
        return MarketItem.<MarketItem>find("status = ?1 and id > ?2 order by id", ItemStatus.PUBLISHED, afterId)
                .page(0, limit).stream().map(i -> new Keyed(i.id, document(i))).toList();
    }

    @Override
    public List<String> publishedSlugs() {
        return MarketItem.<MarketItem>list("status = ?1 order by id", ItemStatus.PUBLISHED).stream()
                .map(MarketItem::slug).toList();
    }

    @Override
    public List<String> changedSince(Instant since) {
        return MarketItem.<MarketItem>list("updatedAt >= ?1", since).stream().map(MarketItem::slug).toList();
    }

    SearchDocument document(MarketItem i) {
        List<String> tags = new ArrayList<>(i.modes);
        if (i.maturity != null) {
            tags.add(MarketItems.maturityLabel(i.maturity));
        }
        String band = i.kind == MarketKind.DEMAND ? MarketItems.band(i.budgetMax != null ? i.budgetMax : i.budgetMin, false)
                : MarketItems.band(i.price, i.priceNegotiable);
        if (band != null) {
            tags.add(band);
        }
        String day = i.publishedAt == null ? null : PortalClock.dayOf(i.publishedAt).toString();
        return new SearchDocument(i.slug(), i.kind.type, i.title,
                i.description.length() > 200 ? i.description.substring(0, 200) : i.description,
                String.join("\n", List.of(i.description, i.problem, i.indicators, i.scenarios, i.holders)).strip(),
                tags, null, null, day, i.publishedAt == null ? null : PortalClock.dayOf(i.publishedAt).getYear(),
                i.publicOwner(), fields.name(i.fieldCode), null, null, false, i.url());
    }

    /** The text a match is computed from: what the item is about. */
    static String matchText(MarketItem i) {
        return String.join("\n", List.of(i.title, i.description, i.problem, i.indicators, i.scenarios)).strip();
    }
}

package cn.keyida.portal.content;

import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchDocumentSource;
import jakarta.enterprise.context.ApplicationScoped;
import cn.keyida.portal.common.PortalClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;
import org.jsoup.Jsoup;

/** Hands published content to search as small documents. */
@ApplicationScoped
class ContentDocuments implements SearchDocumentSource {

    @Override
    public Map<String, SearchDocument> published(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        return documents(ContentItem.listPublishedBySlugs(slugs)).stream()
                .collect(Collectors.toMap(k -> k.document().slug(), Keyed::document));
    }

    @Override
    public List<Keyed> publishedAfter(long afterId, int limit) {
        return documents(ContentItem.<ContentItem>find("status = ?1 and id > ?2 order by id",
                ContentStatus.PUBLISHED, afterId).withHint(HibernateHints.HINT_READ_ONLY, true).page(0, limit).list());
    }

    /** Two queries for any number of items: the items, and which of them a published item supersedes. */
    private static List<Keyed> documents(List<ContentItem> items) {
        Set<String> superseded = items.isEmpty() ? Set.of()
                : new java.util.HashSet<>(ContentItem.supersededAmong(items.stream().map(i -> i.slug).toList()));
        return items.stream().map(i -> new Keyed(i.id, toDocument(i, superseded.contains(i.slug)))).toList();
    }

    @Override
    public List<String> publishedSlugs() {
        return ContentItem.getEntityManager().createQuery(
                "select i.slug from ContentItem i where i.status = ?1 order by i.id", String.class)
                .setParameter(1, ContentStatus.PUBLISHED).getResultList();
    }

    @Override
    public List<String> changedSince(Instant since) {
        return ContentItem.<ContentItem>find("updatedAt >= ?1", since).stream().map(i -> i.slug).toList();
    }

    static SearchDocument toDocument(ContentItem i, boolean superseded) {
        ContentItem.Validity validity = i.validity(PortalClock.dayOf(Instant.now()));
        return new SearchDocument(
                i.slug,
                i.type.code,
                i.title,
                i.summary,
                i.bodyHtml ? Jsoup.parse(i.body).text() : i.body,
                i.tags,
                i.level == null ? null : i.level.code,
                i.region.isEmpty() ? null : i.region,
                i.publishDate == null ? null : i.publishDate.toString(),
                i.publishDate == null ? null : i.publishDate.getYear(),
                firstNonBlank(i.issuer, i.provider, i.organizer, i.holder, i.demander),
                firstNonBlank(i.category, i.productType, i.programType, i.field),
                i.docNumber,
                validity == null ? null : validity.name(),
                superseded,
                i.url());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}

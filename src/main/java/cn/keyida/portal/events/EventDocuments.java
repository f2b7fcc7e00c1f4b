package cn.keyida.portal.events;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchDocumentSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * Hands published and finished events to search as documents of type {@code event} (slug
 * {@code event-{id}}): the event type as category, the organiser as owner, the district as region, the
 * start and end for the 活动时间 facet. Drafts and cancelled events are not in the index.
 */
@ApplicationScoped
class EventDocuments implements SearchDocumentSource {

    static final String PREFIX = "event-";

    static String slug(long id) {
        return PREFIX + id;
    }

    static Optional<Long> idOfSlug(String slug) {
        if (slug == null || !slug.matches(PREFIX + "\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(slug.substring(PREFIX.length())));
    }

    @Override
    public Map<String, SearchDocument> published(Collection<String> slugs) {
        List<Long> ids = slugs.stream().map(EventDocuments::idOfSlug).flatMap(Optional::stream).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Event.<Event>list("status in ?1 and id in ?2", EventStatus.INDEXED, ids).stream()
                .collect(Collectors.toMap(e -> slug(e.id), EventDocuments::document));
    }

    @Override
    public List<Keyed> publishedAfter(long afterId, int limit) {
        return Event.<Event>find("status in ?1 and id > ?2 order by id", EventStatus.INDEXED, afterId)
                .page(0, limit).stream().map(e -> new Keyed(e.id, document(e))).toList();
    }

    @Override
    public List<String> publishedSlugs() {
        return Event.<Event>list("status in ?1 order by id", EventStatus.INDEXED).stream().map(e -> slug(e.id))
                .toList();
    }

    @Override
    public List<String> changedSince(Instant since) {
        return Event.<Event>list("updatedAt >= ?1", since).stream().map(e -> slug(e.id)).toList();
    }

    static SearchDocument document(Event e) {
        String text = Jsoup.parse(e.description == null ? "" : e.description).text();
        String where = e.place == null ? "线上活动" : e.place
                + (e.address == null ? "" : "（" + e.address + "）");
        String summary = e.type.label + " · " + e.startText() + " · " + where;
        List<String> tags = new ArrayList<>(List.of(e.type.label, e.audience.label));
        Instant day = e.publishedAt != null ? e.publishedAt : e.startsAt;
        String body = String.join("\n", List.of(text, e.presentedItems == null ? "" : e.presentedItems, where,
                e.organiser)).strip();
        return new SearchDocument(slug(e.id), "event", e.title, summary, body, tags, null, e.district,
                PortalClock.dayOf(day).toString(), PortalClock.dayOf(e.startsAt).getYear(), e.organiser, e.type.label,
                null, null, false, "/events/" + e.id, e.startsAt.toString(), e.endsAt.toString());
    }
}

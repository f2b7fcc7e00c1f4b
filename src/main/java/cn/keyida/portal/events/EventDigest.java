package cn.keyida.portal.events;

import java.time.Instant;
import java.util.List;

/** Published events changed in a time window, for saved-search digests (subscription reads them). */
public final class EventDigest {

    /** An event as a digest lists it; {@code slug} is its search document's. */
    public record Changed(String slug, String title, String url, Instant firstPublishedAt, Instant updatedAt) {}

    private EventDigest() {}

    /** Events in the index changed after {@code after} up to {@code upTo}, oldest change first. */
    public static List<Changed> publishedChanged(Instant after, Instant upTo, int limit) {
        return Event.<Event>find("status in ?1 and updatedAt > ?2 and updatedAt <= ?3 order by updatedAt, id",
                EventStatus.INDEXED, after, upTo).page(0, limit).stream()
                .map(e -> new Changed(EventDocuments.slug(e.id), e.type.label + "：" + e.title, "/events/" + e.id,
                        e.publishedAt, e.updatedAt))
                .toList();
    }
}

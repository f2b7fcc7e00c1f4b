package cn.keyida.portal.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How search reads the source of truth; implemented by the content feature. */
public interface SearchDocumentSource {

    /** The document for a published item, or empty when the item is gone or not public. */
    Optional<SearchDocument> published(String slug);

    /** Published items with a database id above {@code afterId}, ordered by id. */
    List<Keyed> publishedAfter(long afterId, int limit);

    /** Slugs of every item changed at or after the instant, whatever its status. */
    List<String> changedSince(Instant since);

    record Keyed(long id, SearchDocument document) {}
}

package cn.keyida.portal.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** How search reads the source of truth; implemented by the content feature. */
public interface SearchDocumentSource {

    /** Slug → document of those items that are published; the others are gone or not public. */
    Map<String, SearchDocument> published(Collection<String> slugs);

    /** Published items with a database id above {@code afterId}, ordered by id. */
    List<Keyed> publishedAfter(long afterId, int limit);

    /** Slugs of every published item, ordered by id: what a new index starts from. */
    List<String> publishedSlugs();

    /** Slugs of every item changed at or after the instant, whatever its status. */
    List<String> changedSince(Instant since);

    record Keyed(long id, SearchDocument document) {}

    /**
     * What the source's change event implements, so search observes it without depending on the source:
     * fired synchronously inside the transaction that changes the item.
     */
    interface Change {

        String slug();

        /** False for changes the public never saw (a draft edited), which leave the index as it is. */
        boolean changesIndex();
    }
}

package cn.keyida.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link SearchDocumentSource} (content, the technology market) as one: each source answers for
 * its own slugs, so the index holds all of them side by side.
 */
@ApplicationScoped
class SearchSources {

    private final List<SearchDocumentSource> parts;

    SearchSources(@Any Instance<SearchDocumentSource> all) {
        this.parts = all.stream().toList();
    }

    /** The sources one by one: their database ids are separate sequences, so paging is per source. */
    List<SearchDocumentSource> parts() {
        return parts;
    }

    Map<String, SearchDocument> published(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        Map<String, SearchDocument> out = new HashMap<>();
        parts.forEach(p -> out.putAll(p.published(slugs)));
        return out;
    }

    List<String> publishedSlugs() {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.publishedSlugs()));
        return out;
    }

    List<String> changedSince(Instant since) {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.changedSince(since)));
        return out;
    }
}

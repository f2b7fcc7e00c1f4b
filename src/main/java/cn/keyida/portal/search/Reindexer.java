package cn.keyida.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds the index from PostgreSQL into a new versioned index, then switches the alias in one
 * atomic request: searches keep answering from the old index until the new one is complete.
 */
@ApplicationScoped
public class Reindexer {

    private static final int PAGE = 1000;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ElasticsearchClient client;
    private final IndexAdmin admin;
    private final SearchSources sources;
    private final SearchIndexer indexer;

    Reindexer(ElasticsearchClient client, IndexAdmin admin, SearchSources sources, SearchIndexer indexer) {
        this.client = client;
        this.admin = admin;
        this.sources = sources;
        this.indexer = indexer;
    }

    public record Result(String index, int documents, Duration took) {}

    /** Whether the live index was made from an older index definition than this build's. */
    public boolean outdated() {
        try {
            return admin.outdated();
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    public Result reindex() {
        Instant start = Instant.now();
        try {
            Set<String> previous = admin.aliasedIndexes();
            String index = admin.createVersionedIndex();
            int count = 0;
            for (SearchDocumentSource source : sources.parts()) {
                count += copy(source, index);
            }
            admin.forceMerge(index);
            client.indices().refresh(r -> r.index(index));
            admin.switchAlias(index, previous);
            // Edits committed during the rebuild may have reached only the old index: queue them again.
            QuarkusTransaction.requiringNew().run(() ->
                    sources.changedSince(start.minusSeconds(1)).forEach(SearchOutbox::add));
            indexer.wakeUp();
            // Searches already running on the old index finish before it goes.
            Thread.sleep(GRACE.toMillis());
            for (String old : previous) {
                admin.delete(old);
            }
            Duration took = Duration.between(start, Instant.now());
            Log.infof("Reindexed %d documents into %s in %d ms", count, index, took.toMillis());
            return new Result(index, count, took);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reindex interrupted", e);
        }
    }

    /** Copies one source's published items into the new index, a page at a time by its ids. */
    private int copy(SearchDocumentSource source, String index) throws IOException {
        int count = 0;
        long after = 0;
        while (true) {
            long cursor = after;
            List<SearchDocumentSource.Keyed> page =
                    QuarkusTransaction.requiringNew().call(() -> source.publishedAfter(cursor, PAGE));
            if (page.isEmpty()) {
                return count;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (SearchDocumentSource.Keyed k : page) {
                bulk.operations(op -> op.index(i -> i.index(index).id(k.document().slug()).document(k.document())));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                var first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
                throw new IllegalStateException("Bulk indexing failed for " + first.id() + ": "
                        + first.error().reason());
            }
            count += page.size();
            after = page.get(page.size() - 1).id();
        }
    }
}

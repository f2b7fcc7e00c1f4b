package cn.keyida.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Drains the search outbox into Elasticsearch with bulk requests. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several app instances share the work without doing it twice;
 * while Elasticsearch is unreachable the rows stay and are retried with backoff.
 */
@ApplicationScoped
public class SearchIndexer {

    /** Any constant: serialises index bootstrapping across app instances. */
    private static final long BOOTSTRAP_LOCK = 0x6b65796964614cL;
    private static final long DRAIN_LOCK = 0x6b65796964610002L;

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final IndexAdmin admin;
    private final SearchSources source;
    private final EntityManager em;
    private final ManagedExecutor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean indexReady;
    private volatile boolean stopping;

    SearchIndexer(ElasticsearchClient client, SearchConfig config, IndexAdmin admin,
            SearchSources source, EntityManager em, ManagedExecutor executor) {
        this.executor = executor;
        this.client = client;
        this.config = config;
        this.admin = admin;
        this.source = source;
        this.em = em;
    }

    /** Polling covers changes committed by other instances and retries after failures. */
    @Scheduled(every = "{portal.search.indexer-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runGuarded();
    }

    /** How many changes wait to be indexed. */
    @Transactional
    public long pending() {
        return SearchOutbox.pending();
    }

    /** When the oldest change still waiting to be indexed was made; items changed before it are searchable. */
    @Transactional
    public Optional<Instant> oldestPending() {
        return SearchOutbox.oldestPending();
    }

    /**
     * Drains right after a local commit instead of waiting for the next poll, so an edit is
     * searchable within about a second. Calls while a drain runs make it loop once more; calls while
     * a drain is about to start add nothing (an import commit wakes it once per item).
     */
    public void wakeUp() {
        again.set(true);
        if (!running.get() && woken.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    woken.set(false);
                    runGuarded();
                });
            } catch (RejectedExecutionException e) {
                woken.set(false); // shutting down: the rows stay for the next start
            }
        }
    }

    /** At shutdown the running batch finishes (5 s at most); the rows left stay in the outbox for the next start. */
    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        for (int i = 0; i < 50 && running.get(); i++) {
            Thread.sleep(100);
        }
    }

    private void runGuarded() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                again.set(false);
                drain();
            } while (again.get() && !stopping);
        } catch (RuntimeException e) {
            if (!stopping) {
                Log.warnf("Search indexer will retry: %s", e.getMessage());
            }
        } finally {
            running.set(false);
        }
    }

    /**
     * Indexes every due outbox row, the lanes in parallel; a lane stops at its first failing batch.
     * Returns the rows done.
     */
    public int drain() {
        if (!ensureIndex()) {
            return 0;
        }
        List<CompletableFuture<Integer>> others = IntStream.range(1, config.indexerLanes())
                .mapToObj(lane -> executor.supplyAsync(() -> drainLane(lane))).toList();
        int done = drainLane(0);
        for (CompletableFuture<Integer> lane : others) {
            done += lane.join();
        }
        return done;
    }

    private int drainLane(int lane) {
        int done = 0;
        int n;
        while (!stopping && (n = QuarkusTransaction.requiringNew().call(() -> processBatch(lane))) > 0) {
            done += n;
        }
        return done;
    }

    /**
     * Runs a bulk load (the command-line import) with the index's periodic refresh paused, so
     * Elasticsearch spends its time indexing instead of opening small segments; refreshes once at the
     * end, then starts merging the segments into one without waiting for it (searches are correct
     * meanwhile, and a little faster once it is done). Without Elasticsearch the load still runs: the outbox
     * keeps the changes.
     */
    public <T> T withRefreshPaused(java.util.concurrent.Callable<T> load) throws Exception {
        boolean paused = false;
        if (ensureIndex()) {
            try {
                admin.refreshInterval("-1");
                paused = true;
            } catch (IOException | RuntimeException e) {
                Log.warnf("Could not pause index refreshes (%s); importing anyway", e.toString());
            }
        }
        T result;
        try {
            result = load.call();
        } finally {
            if (paused) {
                resumeRefresh();
            }
        }
        if (paused) {
            try {
                for (String index : admin.aliasedIndexes()) {
                    admin.startForceMerge(index);
                }
            } catch (IOException | RuntimeException e) {
                Log.warnf("Could not merge the index segments (%s); searches are correct, a little slower", e.toString());
            }
        }
        return result;
    }

    /** Back to the definition's interval; also run once per process, in case a bulk load died paused. */
    private void resumeRefresh() {
        try {
            admin.refreshInterval("1s");
            admin.refresh();
        } catch (IOException | RuntimeException e) {
            Log.warnf("Could not resume index refreshes (%s); the next start of the app resumes them", e.toString());
        }
    }

    /** Creates the first index and alias when there is none, then queues every published item of the source. */
    boolean ensureIndex() {
        if (indexReady) {
            return true;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select pg_advisory_xact_lock(:k)").setParameter("k", BOOTSTRAP_LOCK)
                        .getSingleResult();
                try {
                    if (!admin.aliasExists()) {
                        admin.switchAlias(admin.createVersionedIndex(), Set.of());
                        // One statement for any number of items, in the source's order.
                        int queued = em.createNativeQuery("""
                                insert into search_outbox (content_slug)
                                select slug from unnest(cast(:slugs as text[])) with ordinality as s(slug, n)
                                order by n""")
                                .setParameter("slugs", source.publishedSlugs().toArray(String[]::new))
                                .executeUpdate();
                        Log.infof("Search index bootstrapped; %d published items queued", queued);
                    } else {
                        addNewFields();
                    }
                } catch (IOException e) {
                    throw new SearchUnavailableException(e);
                }
            });
            indexReady = true;
            resumeRefresh();
        } catch (RuntimeException e) {
            Log.warnf("Search index not ready: %s", e.getMessage());
        }
        return indexReady;
    }

    private void addNewFields() {
        try {
            Set<String> added = admin.addNewFields();
            if (!added.isEmpty()) {
                Log.infof("Search index: added the new fields %s", added);
            }
            if (admin.outdated()) {
                Log.warnf("The search index %s was made from an older definition; ./portal reindex rebuilds it",
                        admin.aliasedIndexes());
            }
        } catch (IOException | RuntimeException e) {
            Log.warnf("Could not add the new fields of the index definition (%s); run ./portal reindex", e.toString());
        }
    }

    private int processBatch(int lane) {
        // One batch at a time per lane across all instances: two instances indexing two edits of one
        // item concurrently could let the older document reach Elasticsearch last (found by ./portal
        // chaos). An item always goes through the same lane, by its slug, so its changes stay in order;
        // items in different lanes are independent documents. Whoever holds a lane's lock drains every
        // due row of that lane, ours included.
        if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                .setParameter("k", DRAIN_LOCK + lane).getSingleResult()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, content_slug, attempts from search_outbox
                where next_attempt_at <= now() and (hashtext(content_slug) & 2147483647) % :lanes = :lane
                order by id limit :n for update skip locked""")
                .setParameter("lanes", config.indexerLanes())
                .setParameter("lane", lane)
                .setParameter("n", config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Set<String> slugs = new LinkedHashSet<>();
        rows.forEach(r -> slugs.add((String) r[1]));
        Map<String, String> failed = new HashMap<>();
        try {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            Map<String, SearchDocument> documents = source.published(slugs);
            // The documents are built and nothing below changes an entity: without the loaded items, the
            // statements below do not dirty-check every one of them before they run (most of the indexer's
            // CPU in a bulk import).
            em.clear();
            for (String slug : slugs) {
                SearchDocument doc = documents.get(slug);
                if (doc != null) {
                    bulk.operations(op -> op.index(i -> i.index(config.alias()).id(slug).document(doc)));
                } else {
                    bulk.operations(op -> op.delete(d -> d.index(config.alias()).id(slug)));
                }
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                for (BulkResponseItem item : response.items()) {
                    if (item.error() != null) {
                        failed.put(item.id(), item.error().type() + ": " + item.error().reason());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            indexReady = false;
            slugs.forEach(s -> failed.put(s, String.valueOf(e.getMessage())));
        }
        List<Long> done = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            String error = failed.get((String) row[1]);
            if (error == null) {
                done.add(id);
            } else {
                int attempts = ((Number) row[2]).intValue() + 1;
                em.createNativeQuery("""
                        update search_outbox set attempts = :a, next_attempt_at = :next, last_error = :err
                        where id = :id""")
                        .setParameter("a", attempts)
                        .setParameter("next", Instant.now().plus(backoff(attempts)))
                        .setParameter("err", error.length() > 1000 ? error.substring(0, 1000) : error)
                        .setParameter("id", id)
                        .executeUpdate();
            }
        }
        if (!done.isEmpty()) {
            // An array, not an IN list: a generic plan made while the outbox was small would scan it whole.
            em.createNativeQuery("delete from search_outbox where id = any(cast(:ids as bigint[]))")
                    .setParameter("ids", done.toArray(Long[]::new)).executeUpdate();
        }
        if (!failed.isEmpty()) {
            Log.warnf("Search indexer: %d of %d items not indexed, retrying later (%s)",
                    failed.size(), slugs.size(), failed.values().iterator().next());
            return -1;
        }
        return rows.size();
    }

    private Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(1L << Math.min(attempts, 10), config.maxBackoffSeconds()));
    }
}

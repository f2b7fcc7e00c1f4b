package cn.keyida.portal.search;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Records searches and result clicks, without personal data, for the staff's query statistics.
 * Entries are buffered and written in batches so logging never slows a search down.
 */
@ApplicationScoped
public class SearchLog {

    private static final int MAX_BUFFER = 10_000;

    private final EntityManager em;
    private final ConcurrentLinkedQueue<Entry> buffer = new ConcurrentLinkedQueue<>();

    SearchLog(EntityManager em) {
        this.em = em;
    }

    record Entry(Instant at, String query, String filters, Long resultCount, String clickedSlug) {}

    public record QueryCount(String query, long searches, long lastResults) {}

    void searched(SearchQuery q, long total) {
        if (q.q().isEmpty() || buffer.size() >= MAX_BUFFER) {
            return;
        }
        String filters = q.filters().entrySet().stream().map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining("&"));
        buffer.add(new Entry(Instant.now(), q.q(), cut(filters, 1000), total, null));
    }

    void clicked(String query, String slug) {
        if (buffer.size() < MAX_BUFFER) {
            buffer.add(new Entry(Instant.now(), cut(query == null ? "" : query.strip(), 200), "", null, cut(slug, 120)));
        }
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        List<Entry> batch = new ArrayList<>();
        Entry e;
        while (batch.size() < 1000 && (e = buffer.poll()) != null) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Entry entry : batch) {
                    em.createNativeQuery("""
                            insert into search_log (at, query, filters, result_count, clicked_slug)
                            values (:at, :q, :f, :n, :c)""")
                            .setParameter("at", entry.at()).setParameter("q", entry.query())
                            .setParameter("f", entry.filters()).setParameter("n", entry.resultCount() == null ? -1 : entry.resultCount())
                            .setParameter("c", entry.clickedSlug()).executeUpdate();
                }
            });
        } catch (RuntimeException ex) {
            Log.warnf("Search log: %d entries dropped (%s)", batch.size(), ex.getMessage());
        }
    }

    /** Most frequent queries since {@code since}; {@code zeroOnly} keeps those that found nothing. */
    @SuppressWarnings("unchecked")
    public List<QueryCount> topQueries(Instant since, boolean zeroOnly, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                select query, count(*), (array_agg(result_count order by at desc))[1]
                from search_log where at >= :since and clicked_slug is null and result_count >= 0
                group by query having bool_or(result_count = 0) or not :zero
                order by count(*) desc, query limit :limit""")
                .setParameter("since", since).setParameter("zero", zeroOnly).setParameter("limit", limit)
                .getResultList()).stream()
                .filter(r -> !zeroOnly || ((Number) r[2]).longValue() == 0)
                .map(r -> new QueryCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList());
    }

    /** Most opened results since {@code since}: slug → clicks. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> topClicks(Instant since, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                select clicked_slug, count(*) from search_log where at >= :since and clicked_slug is not null
                group by clicked_slug order by count(*) desc limit :limit""")
                .setParameter("since", since).setParameter("limit", limit).getResultList()).stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue(), (a, b) -> a,
                        java.util.LinkedHashMap::new)));
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}

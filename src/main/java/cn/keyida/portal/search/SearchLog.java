package cn.keyida.portal.search;

import cn.keyida.portal.common.PortalClock;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Records searches and result clicks, without personal data, for the staff's query statistics.
 * Entries are buffered and written in batches so logging never slows a search down. People type
 * phone numbers, ID numbers and e-mail addresses into the search box: those are masked before
 * anything is stored, and rows older than {@code portal.search.log-retention} are purged daily.
 */
@ApplicationScoped
public class SearchLog {

    private static final int MAX_BUFFER = 10_000;
    private static final int PURGE_BATCH = 5_000;

    /** Seven or more digits, also written in groups (139 0000 1111, 0839-1234567), and ID numbers ending in X. */
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9０-９](?:[\\s\\-－]?[0-9０-９]){6,}[Xx]?");
    /** ASCII addresses (also with a full-width ＠): a Unicode class would swallow the Chinese words around them. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+[@＠][A-Za-z0-9\\-]+(?:[.．][A-Za-z0-9\\-]+)+");
    static final String MASKED_NUMBER = "[号码]";
    static final String MASKED_EMAIL = "[邮箱]";

    private final EntityManager em;
    private final SearchConfig config;
    private final PortalClock clock;
    private final ConcurrentLinkedQueue<Entry> buffer = new ConcurrentLinkedQueue<>();

    SearchLog(EntityManager em, SearchConfig config, PortalClock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    record Entry(Instant at, String query, String filters, Long resultCount, String clickedSlug) {}

    public record QueryCount(String query, long searches, long lastResults) {}

    void searched(SearchQuery q, long total) {
        if (q.q().isEmpty() || buffer.size() >= MAX_BUFFER) {
            return;
        }
        String filters = q.filters().entrySet().stream().map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining("&"));
        buffer.add(new Entry(Instant.now(), cut(mask(q.q()), 200), cut(filters, 1000), total, null));
    }

    void clicked(String query, String slug) {
        if (buffer.size() < MAX_BUFFER) {
            buffer.add(new Entry(Instant.now(), cut(mask(query == null ? "" : query.strip()), 200), "", null, cut(slug, 120)));
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

    /**
     * The query as it may be stored: digit runs and e-mail addresses replaced by a marker, so the
     * statistics still show that people search for numbers without keeping whose they were.
     */
    static String mask(String query) {
        String masked = EMAIL.matcher(query).replaceAll(MASKED_EMAIL);
        return DIGIT_RUN.matcher(masked).replaceAll(MASKED_NUMBER);
    }

    @Scheduled(cron = "{portal.search.log-purge-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeJob() {
        try {
            int deleted = purgeExpired();
            if (deleted > 0) {
                Log.infof("Search log: %d entries older than %s purged", deleted, config.logRetention());
            }
        } catch (RuntimeException ex) {
            Log.warnf("Search log purge failed, retried at the next run (%s)", ex.getMessage());
        }
    }

    /**
     * Deletes the rows older than the retention period, in short batches so the table is never locked
     * for long. Safe on several instances at once: each batch skips rows another instance is deleting,
     * and deleting what is already gone does nothing.
     */
    int purgeExpired() {
        Instant cutoff = clock.now().minus(config.logRetention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from search_log where id in (
                        select id from search_log where at < :cutoff limit :batch for update skip locked)""")
                    .setParameter("cutoff", cutoff).setParameter("batch", PURGE_BATCH).executeUpdate());
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
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

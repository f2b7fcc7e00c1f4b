package cn.keyida.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Popular searches that found something, shown on the zero-result page; recomputed every few minutes. */
@ApplicationScoped
class PopularQueries {

    private static final List<String> DEFAULTS = List.of("高企认定", "创新券", "研发费用加计扣除", "科技特派员", "科创贷");
    private static final Duration TTL = Duration.ofMinutes(5);

    private final SearchLog log;
    private volatile List<String> cached;
    private volatile Instant computedAt = Instant.EPOCH;

    PopularQueries(SearchLog log) {
        this.log = log;
    }

    List<String> get() {
        if (cached == null || computedAt.isBefore(Instant.now().minus(TTL))) {
            List<String> top = log.topQueries(Instant.now().minus(Duration.ofDays(30)), false, 20).stream()
                    .filter(q -> q.lastResults() > 0 && q.searches() >= 3).map(SearchLog.QueryCount::query)
                    .limit(8).toList();
            cached = top.size() >= 3 ? top : DEFAULTS;
            computedAt = Instant.now();
        }
        return cached;
    }
}

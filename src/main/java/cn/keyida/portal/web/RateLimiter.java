package cn.keyida.portal.web;

import cn.keyida.portal.web.RateLimited.Budget;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Token buckets per budget and client address, kept in PostgreSQL (Bucket4j, table
 * {@value #TABLE}) so that every app instance draws on the same budget: two instances behind the
 * balancer no longer double it. Each budget holds {@code portal.rate-limit.*} tokens and refills them
 * all once a minute, like the fixed windows it replaces.
 */
@ApplicationScoped
public class RateLimiter {

    static final String TABLE = "rate_limit_bucket";

    /** A bucket's row outlives the moment it would be full again by this much, then the cleaner drops it. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitConfig config;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<Budget, BucketConfiguration> budgets = new EnumMap<>(Budget.class);
    private final AtomicLong lastFailureLogged = new AtomicLong();

    RateLimiter(RateLimitConfig config, DataSource dataSource) {
        this.config = config;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .build();
        for (Budget budget : Budget.values()) {
            int perMinute = perMinute(budget);
            budgets.put(budget, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, WINDOW).build())
                    .build());
        }
    }

    int perMinute(Budget budget) {
        return switch (budget) {
            case SEARCH -> config.searchPerMinute();
            case LOGIN -> config.loginPerMinute();
            case NEEDS -> config.needsPerMinute();
        };
    }

    /**
     * Takes one token from the client's bucket of this budget: empty if the request may go on, else
     * the seconds until a token is back. If PostgreSQL cannot answer, the request goes on: flood
     * protection must not turn a database hiccup into refused searches.
     */
    public OptionalLong tryConsume(Budget budget, String client) {
        try {
            ConsumptionProbe probe = buckets.builder()
                    // a changed limit in the configuration replaces the stored one (the limit is its version)
                    .withImplicitConfigurationReplacement(perMinute(budget), TokensInheritanceStrategy.AS_IS)
                    .build(budget.name().toLowerCase() + ":" + client, budgets.get(budget))
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            long last = lastFailureLogged.get();
            if (now - last > 60_000 && lastFailureLogged.compareAndSet(last, now)) { // once a minute, not per request
                Log.warnf("Rate limits not checked, PostgreSQL did not answer: %s", e.toString());
            }
            return OptionalLong.empty();
        }
    }

    /** Drops the rows of buckets that are full again; SKIP LOCKED, so every instance may run it. */
    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            Log.warnf("Rate-limit buckets not cleaned; retried in a minute: %s", e.toString());
        }
    }
}

package cn.keyida.portal.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "portal.search")
public interface SearchConfig {

    /** The alias every query and update goes through; versioned indexes sit behind it. */
    @WithDefault("keyida-content")
    String alias();

    /** Outbox rows claimed per bulk request. */
    @WithDefault("500")
    int batchSize();

    /**
     * Outbox lanes indexed in parallel, each one bulk request at a time. An item always goes through
     * the same lane, so its changes reach Elasticsearch in order. Elasticsearch indexes a bulk request
     * on one thread per shard: one lane more than Elasticsearch has cores, so that a lane reads its next
     * batch from PostgreSQL while the others' requests keep every core busy (3 against 2 on two cores:
     * a 100,000-record import 7 % faster). At least 1, and the same on every instance (the lanes split the
     * items between them).
     */
    @WithDefault("3")
    int indexerLanes();

    /** Replicas per shard: 0 on a single node, 1 or more on a cluster (the scale-out deployment). */
    @WithDefault("0")
    int replicas();

    /** How often the indexer looks at the outbox. */
    @WithDefault("1s")
    String indexerEvery();

    /**
     * How long the search log keeps a query or click. Queries are masked on the way in, but what people
     * type may still name them; the statistics page looks back at most a few months.
     */
    @WithDefault("180d")
    Duration logRetention();

    /** When the purge of expired search log rows runs (Asia/Shanghai); every instance may run it. */
    @WithDefault("0 40 3 * * ?")
    String logPurgeCron();

    /** Longest wait between retries while Elasticsearch is unreachable. */
    @WithDefault("10")
    int maxBackoffSeconds();
}

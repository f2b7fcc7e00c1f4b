package cn.keyida.portal.search;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A pending index update for one content item. Written in the same transaction as the content change
 * ({@link OutboxWriter}), so an edit is never lost even while Elasticsearch is down; {@link SearchIndexer}
 * drains it.
 */
@Entity
@Table(name = "search_outbox")
public class SearchOutbox extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "search_outbox_id")
    @SequenceGenerator(name = "search_outbox_id", sequenceName = "search_outbox_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "content_slug")
    public String contentSlug;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** Must be called inside a transaction; the caller wakes the indexer after the commit. */
    static void add(String slug) {
        SearchOutbox row = new SearchOutbox();
        row.contentSlug = slug;
        row.createdAt = Instant.now();
        row.nextAttemptAt = row.createdAt;
        row.persist();
    }

    static long pending() {
        return count();
    }

    /** When the oldest change still waiting for the indexer was written. */
    static Optional<Instant> oldestPending() {
        return find("order by createdAt").<SearchOutbox>firstResultOptional().map(r -> r.createdAt);
    }
}

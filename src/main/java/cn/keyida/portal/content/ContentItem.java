package cn.keyida.portal.content;

import cn.keyida.portal.common.VersionedEntity;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

/**
 * One published item of any of the five types. The types share most fields and one search, so they
 * share one table; type-specific columns are null for the other types.
 */
@Entity
@Table(name = "content_item")
public class ContentItem extends VersionedEntity {

    /** From a sequence handing out 50 ids at a time, so an import's inserts go to PostgreSQL in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "content_item_id")
    @SequenceGenerator(name = "content_item_id", sequenceName = "content_item_id_seq", allocationSize = 50)
    public Long id;

    public String slug;

    @Enumerated(EnumType.STRING)
    public ContentType type;

    @Enumerated(EnumType.STRING)
    public ContentStatus status = ContentStatus.DRAFT;

    public String title;
    public String summary = "";
    public String body = "";

    /** True when {@link #body} is sanitized HTML rather than plain text. */
    @Column(name = "body_html")
    public boolean bodyHtml;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Level level;

    public String region = "";

    @Column(name = "publish_date")
    public LocalDate publishDate;

    public String source = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_extra")
    public List<String> sourceExtra = new ArrayList<>();

    @Column(name = "source_note")
    public String sourceNote = "";

    // policy
    @Column(name = "doc_number")
    public String docNumber;
    public String issuer;
    public String category;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    @Column(name = "expiry_date")
    public LocalDate expiryDate;
    @Column(name = "supersedes_slug")
    public String supersedesSlug;
    @Column(name = "interprets_slug")
    public String interpretsSlug;

    // finance
    @Column(name = "product_type")
    public String productType;
    public String provider;
    public String eligibility;
    public String terms;

    // talent
    @Column(name = "program_type")
    public String programType;
    public String organizer;
    public String scale;

    // achievement
    public String holder;
    public String field;
    public String maturity;
    @Column(name = "transfer_mode")
    public String transferMode;
    public String award;

    // demand
    public String demander;
    public String budget;
    public String mode;
    public LocalDate deadline;

    /** Personal contact data (talent): shown to logged-in users only, never sent to the search index. */
    public String contact;

    /** When the item first became public; digests tell new items from changed ones by it. */
    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    @PrePersist
    @PreUpdate
    void stampFirstPublication() {
        if (status == ContentStatus.PUBLISHED && firstPublishedAt == null) {
            firstPublishedAt = Instant.now();
        }
    }

    public static Optional<ContentItem> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Every item of the slugs, to be changed (the import). */
    static List<ContentItem> listBySlugs(Collection<String> slugs) {
        return bySlugs(slugs, "", false);
    }

    /** The published items of the slugs, read-only: the session keeps no copy of them to compare at flush. */
    static List<ContentItem> listPublishedBySlugs(Collection<String> slugs) {
        return bySlugs(slugs, " and status = 'PUBLISHED'", true);
    }

    /**
     * One array parameter for any number of slugs, not an IN list (docs/ARCHITECTURE.md, point 9): the generic
     * plan of an IN list made at the start of an import scanned the whole table for the rest of it.
     */
    @SuppressWarnings("unchecked")
    private static List<ContentItem> bySlugs(Collection<String> slugs, String andCondition, boolean readOnly) {
        return getEntityManager().createNativeQuery(
                        "select * from content_item where slug = any(cast(:slugs as text[]))" + andCondition,
                        ContentItem.class)
                .setParameter("slugs", slugs.toArray(String[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, readOnly)
                .getResultList();
    }

    /** Which of the slugs a published item supersedes, with one array parameter as {@link #bySlugs}. */
    @SuppressWarnings("unchecked")
    static List<String> supersededAmong(Collection<String> slugs) {
        return getEntityManager().createNativeQuery("""
                        select supersedes_slug from content_item
                        where supersedes_slug = any(cast(:slugs as text[])) and status = 'PUBLISHED'""", String.class)
                .setParameter("slugs", slugs.toArray(String[]::new))
                .getResultList();
    }

    public static Optional<ContentItem> findPublished(ContentType type, String slug) {
        return find("type = ?1 and slug = ?2 and status = ?3", type, slug, ContentStatus.PUBLISHED)
                .firstResultOptional();
    }

    /**
     * The newest current items of a type for the home page, the city's own first, then the
     * province's, then national ones; other places only fill what is left. Expired items and items
     * replaced by a newer published version are left out.
     */
    public static List<ContentItem> listLocalFirst(ContentType type, String city, String province, LocalDate today,
            int limit) {
        return find("""
                type = :type and status = :published and (expiryDate is null or expiryDate >= :today)
                and not exists (from ContentItem n where n.supersedesSlug = slug and n.status = :published)
                order by case when region = :city then 0 when region = :province then 1
                              when level = :national then 2 else 3 end,
                         publishDate desc nulls last, id desc""",
                Parameters.with("type", type).and("published", ContentStatus.PUBLISHED).and("today", today)
                        .and("city", city).and("province", province).and("national", Level.NATIONAL))
                .page(0, limit).list();
    }

    /** Published items changed after {@code after} and up to {@code upTo}, oldest change first. */
    public static List<ContentItem> listPublishedChanged(Instant after, Instant upTo, int limit) {
        return find("status = ?1 and updatedAt > ?2 and updatedAt <= ?3 order by updatedAt, id",
                ContentStatus.PUBLISHED, after, upTo).page(0, limit).list();
    }

    /** Published items whose own deadline or expiry falls within its {@link ReminderWindow}. */
    public static List<ContentItem> listDueSoon(LocalDate today) {
        return list("status = ?1 and (deadline between ?2 and ?3 or expiryDate between ?2 and ?4)",
                ContentStatus.PUBLISHED, today, ReminderWindow.DEADLINE.lastDay(today),
                ReminderWindow.EXPIRY.lastDay(today));
    }

    public static long countPublished() {
        return count("status", ContentStatus.PUBLISHED);
    }

    public String url() {
        return "/" + type.path + "/" + slug;
    }

    /** 有效 / 即将失效 (within 90 days) / 已失效, for policies with an expiry date; null otherwise. */
    public Validity validity(LocalDate today) {
        if (type != ContentType.POLICY) {
            return null;
        }
        if (expiryDate == null) {
            return Validity.VALID;
        }
        if (expiryDate.isBefore(today)) {
            return Validity.EXPIRED;
        }
        return expiryDate.isBefore(today.plusDays(90)) ? Validity.EXPIRING : Validity.VALID;
    }

    public enum Validity {
        VALID("有效"),
        EXPIRING("即将失效"),
        EXPIRED("已失效");

        public final String label;

        Validity(String label) {
            this.label = label;
        }
    }
}

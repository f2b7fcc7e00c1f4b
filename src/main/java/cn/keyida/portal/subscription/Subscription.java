package cn.keyida.portal.subscription;

import cn.keyida.portal.common.BaseEntity;
import cn.keyida.portal.search.SearchQuery;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A saved search mailed as a digest. Items published or changed after {@link #watermark} have not
 * been delivered yet; every digest moves it forward.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends BaseEntity {

    public enum Frequency {
        IMMEDIATE("即时", Duration.ZERO), DAILY("每日", Duration.ofDays(1)), WEEKLY("每周", Duration.ofDays(7));

        public final String label;
        final Duration period;

        Frequency(String label, Duration period) {
            this.label = label;
            this.period = period;
        }
    }

    public String subject;
    public String email;

    /** The search as a URL query: {@code q=高企&type=policy}. */
    public String query;

    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;

    public Instant watermark;

    @Column(name = "last_sent_at")
    public Instant lastSentAt;

    /** Immediate ones whenever there is news; daily and weekly ones a period after the last digest. */
    boolean isDue(Instant asOf) {
        return frequency == Frequency.IMMEDIATE || !watermark.plus(frequency.period).isAfter(asOf);
    }

    public SearchQuery search() {
        return SearchQuery.fromUrlQuery(query);
    }

    /**
     * For people. A search saved before today's checks may no longer parse: shown as stored (and
     * {@link #searchUrl} as the plain search page), so the list and unsubscribe pages still work for it.
     */
    public String describe() {
        try {
            return search().describe();
        } catch (InvalidInputException e) {
            return query;
        }
    }

    public String searchUrl() {
        try {
            return search().pageHref();
        } catch (InvalidInputException e) {
            return "/search";
        }
    }

    public static List<Subscription> listFor(String subject) {
        return list("subject = ?1 order by id", subject);
    }
}

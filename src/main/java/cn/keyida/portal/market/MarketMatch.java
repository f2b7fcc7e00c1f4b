package cn.keyida.portal.market;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A demand–achievement candidate pair with its score, reason and each owner's feedback. */
@Entity
@Table(name = "market_match")
public class MarketMatch extends PanacheEntityBase {

    public static final String INTERESTED = "INTERESTED";
    public static final String IRRELEVANT = "IRRELEVANT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "demand_id")
    public long demandId;

    @Column(name = "achievement_id")
    public long achievementId;

    public BigDecimal score;
    public String reason;

    @Column(name = "demand_feedback")
    public String demandFeedback;

    @Column(name = "achievement_feedback")
    public String achievementFeedback;

    @Column(name = "notified_at")
    public Instant notifiedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    static String label(String feedback) {
        return feedback == null ? "" : INTERESTED.equals(feedback) ? "感兴趣" : "不相关";
    }
}

package cn.keyida.portal.market;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A 技术需求 or 科技成果 published in the technology market (kind-specific columns are null otherwise). */
@Entity
@Table(name = "market_item")
public class MarketItem extends BaseEntity {

    /** Search slug prefix: market items sit beside imported content in the same index. */
    public static final String SLUG_PREFIX = "market-";

    @Enumerated(EnumType.STRING)
    public MarketKind kind;

    @Column(name = "owner_subject")
    public String ownerSubject;

    /** ENTERPRISE or INSTITUTION. */
    @Column(name = "owner_kind")
    public String ownerKind;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "owner_email")
    public String ownerEmail;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    public String title;

    @Column(name = "field_code")
    public String fieldCode;

    public String description;
    public String problem = "";
    public String indicators = "";

    @Column(name = "budget_min")
    public BigDecimal budgetMin;

    @Column(name = "budget_max")
    public BigDecimal budgetMax;

    /** Cooperation modes (demand) or transfer modes (achievement), labels of {@link MarketItems#MODES}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> modes = new ArrayList<>();

    public LocalDate deadline;

    @Column(name = "name_public")
    public boolean namePublic = true;

    public String holders = "";

    @Column(name = "achievement_type")
    public String achievementType;

    /** Technology readiness level 1–9. */
    public Integer maturity;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> patents = new ArrayList<>();

    public BigDecimal price;

    @Column(name = "price_negotiable")
    public boolean priceNegotiable;

    public String scenarios = "";

    /** A revision of the published item waiting for review (form values), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> pending;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "review_due")
    public LocalDate reviewDue;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "return_reason")
    public String returnReason = "";

    /** The enterprise need this demand was converted from (needs' id and tracking number), or null. */
    @Column(name = "source_need_id")
    public Long sourceNeedId;

    @Column(name = "source_need_no")
    public String sourceNeedNo;

    /** Staff who drafted a converted demand; set while it waits for the enterprise's consent and after. */
    @Column(name = "proposed_by")
    public String proposedBy;

    /** A demand staff drafted from a need, waiting for the enterprise to consent to its publication. */
    public boolean awaitingConsent() {
        return proposedBy != null && status == ItemStatus.DRAFT;
    }

    public String slug() {
        return SLUG_PREFIX + kind.type + "-" + id;
    }

    public static Optional<Long> idOfSlug(String slug) {
        for (MarketKind k : MarketKind.values()) {
            String prefix = SLUG_PREFIX + k.type + "-";
            if (slug.startsWith(prefix)) {
                try {
                    return Optional.of(Long.parseLong(slug.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The public name of the owner: an enterprise may hide it on a demand. */
    public String publicOwner() {
        return namePublic ? ownerName : "某企业（名称不公开）";
    }

    public String url() {
        return "/market/" + kind.path + "/" + id;
    }
}

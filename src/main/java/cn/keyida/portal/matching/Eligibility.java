package cn.keyida.portal.matching;

import cn.keyida.portal.common.BaseEntity;
import cn.keyida.portal.content.ContentItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The structured eligibility conditions of a policy or finance product. Empty lists and null bounds
 * mean "no such condition"; {@link #manualConditions} cannot be checked automatically.
 */
@Entity
@Table(name = "eligibility")
public class Eligibility extends BaseEntity {

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "content_id")
    public ContentItem item;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_tags")
    public List<String> requiredTags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "excluded_tags")
    public List<String> excludedTags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> districts = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> industries = new ArrayList<>();

    @Column(name = "min_employees")
    public Integer minEmployees;

    @Column(name = "max_employees")
    public Integer maxEmployees;

    /** Annual revenue bounds in 万元. */
    @Column(name = "min_revenue")
    public BigDecimal minRevenue;

    @Column(name = "max_revenue")
    public BigDecimal maxRevenue;

    /** R&D spending as a percentage of revenue. */
    @Column(name = "min_rd_ratio")
    public BigDecimal minRdRatio;

    /**
     * A tiered condition: the minimum R&D ratio by revenue band, ordered by {@link RdTier#upTo}, the
     * last band open-ended. Empty = no such condition.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rd_tiers")
    public List<RdTier> rdTiers = new ArrayList<>();

    @Column(name = "min_years")
    public Integer minYears;

    @Column(name = "max_years")
    public Integer maxYears;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "manual_conditions")
    public List<String> manualConditions = new ArrayList<>();

    /** The amount or benefit, as stated to enterprises: 最高补助 50 万元. */
    public String benefit = "";

    @Column(name = "apply_deadline")
    public LocalDate applyDeadline;

    @Column(name = "updated_by")
    public String updatedBy = "";

    /**
     * Conditions that belong to no content item and are never stored (a voucher batch's qualifications
     * and districts), so other features check enterprises with the calculator's kinds through
     * {@link Matcher#evaluate} without writing this package's entity.
     */
    public static Eligibility unsaved(List<String> requiredTags, List<String> districts) {
        Eligibility e = new Eligibility();
        e.requiredTags = new ArrayList<>(requiredTags);
        e.districts = new ArrayList<>(districts);
        return e;
    }

    public static Optional<Eligibility> forItem(long contentId) {
        return find("item.id", contentId).firstResultOptional();
    }
}

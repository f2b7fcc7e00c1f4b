package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A voucher batch (批次). {@code reserved} and {@code redeemed} are changed only by
 * {@link BudgetLedger} with SQL under a row lock, never through this entity, so a staff edit of the
 * batch never overwrites them and the batch's version moves only with staff edits.
 */
@Entity
@Table(name = "voucher_batch")
public class VoucherBatch extends BaseEntity {

    public String name;

    @Column(name = "total_budget")
    public BigDecimal totalBudget;

    @Column(insertable = false, updatable = false)
    public BigDecimal reserved;

    @Column(insertable = false, updatable = false)
    public BigDecimal redeemed;

    @Column(name = "annual_cap")
    public BigDecimal annualCap;

    @Column(name = "ratio_percent")
    public BigDecimal ratioPercent;

    /** Category codes, comma-separated. */
    public String categories;

    @Column(name = "required_qualifications")
    public String requiredQualifications = "";

    public String districts = "";

    @Column(name = "apply_from")
    public LocalDate applyFrom;

    @Column(name = "apply_to")
    public LocalDate applyTo;

    @Column(name = "use_until")
    public LocalDate useUntil;

    /** How long an approved voucher stays valid for signing the service contract, in days. */
    @Column(name = "valid_days")
    public int validDays = 90;

    /** Applications asking for more are reviewed by two experts before approval; null: never. */
    @Column(name = "expert_threshold")
    public BigDecimal expertThreshold;

    @Enumerated(EnumType.STRING)
    @Column(name = "redemption_by")
    public RedemptionBy redemptionBy = RedemptionBy.PROVIDER;

    @Enumerated(EnumType.STRING)
    public BatchStatus status;

    @Column(name = "created_by")
    public String createdBy = "";

    public List<Category> categoryList() {
        return split(categories).stream().map(c -> Category.of(c).orElse(null)).filter(c -> c != null).toList();
    }

    public String categoryLabels() {
        return String.join("、", categoryList().stream().map(c -> c.label).toList());
    }

    public List<String> qualificationList() {
        return split(requiredQualifications);
    }

    public List<String> districtList() {
        return split(districts);
    }

    public BigDecimal remaining() {
        return totalBudget.subtract(reserved == null ? BigDecimal.ZERO : reserved)
                .subtract(redeemed == null ? BigDecimal.ZERO : redeemed);
    }

    public boolean acceptsApplications(LocalDate today) {
        return status == BatchStatus.OPEN && !today.isBefore(applyFrom) && !today.isAfter(applyTo);
    }

    static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    public static List<VoucherBatch> open() {
        return list("status = ?1 order by applyTo", BatchStatus.OPEN);
    }
}

package cn.keyida.portal.needs;

import cn.keyida.portal.common.BaseEntity;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** An enterprise's innovation need, followed by the bureau until it is closed. */
@Entity
@Table(name = "need")
public class Need extends BaseEntity {

    @Column(name = "tracking_no")
    public String trackingNo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "enterprise_id")
    public EnterpriseProfile enterprise;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_code")
    public NeedCategory category;

    public String title;

    /** ONLINE (the enterprise submitted it) or VISIT (staff recorded it on a service visit, 走访). */
    public String source = "ONLINE";

    /** For a need recorded on a visit: the enterprise's answer, CONFIRMED or CORRECTED; null while it has none. */
    @Column(name = "source_confirmation")
    public String sourceConfirmation;

    public String sourceLabel() {
        return "VISIT".equals(source) ? "走访（" + confirmationLabel() + "）" : "企业提交";
    }

    /** Whether the enterprise still has to confirm or correct what staff wrote down on the visit. */
    public boolean awaitsConfirmation() {
        return "VISIT".equals(source) && sourceConfirmation == null;
    }

    public String confirmationLabel() {
        if (!"VISIT".equals(source)) {
            return "";
        }
        return sourceConfirmation == null ? "待企业确认" : "CORRECTED".equals(sourceConfirmation) ? "企业已更正" : "企业已确认";
    }
    public String description;

    @Column(name = "expected_outcome")
    public String expectedOutcome = "";

    public BigDecimal budget;

    @Column(name = "wanted_by")
    public LocalDate wantedBy;

    @Enumerated(EnumType.STRING)
    public NeedStatus status;

    /** Username of the staff member handling it. */
    public String assignee;

    @Column(name = "department_id")
    public Long departmentId;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "accept_due")
    public LocalDate acceptDue;

    @Column(name = "resolve_due")
    public LocalDate resolveDue;

    @Column(name = "callback_due")
    public LocalDate callbackDue;

    /** Set while waiting for the enterprise's information: the deadline does not run. */
    @Column(name = "paused_since")
    public Instant pausedSince;

    public String resolution;
    public String satisfaction;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "supervisor_flag")
    public boolean supervisorFlag;

    /**
     * The deadline that applies in the current state, if any: the one definition of "due", used by the
     * queue, the dashboards, the statistics and the reminders ({@link #OVERDUE} in queries). Computed by
     * PostgreSQL when the need is loaded, so it is read-only and reflects the state as stored.
     */
    @Formula("case status when 'SUBMITTED' then accept_due when 'ACCEPTED' then resolve_due"
            + " when 'ASSIGNED' then resolve_due when 'IN_PROGRESS' then resolve_due"
            + " when 'RESOLVED' then callback_due end")
    public LocalDate due;

    /** The JPQL condition of an overdue need {@code n}, with the parameter {@code :today}. */
    public static final String OVERDUE = "n.due < :today";

    /** Days before its deadline from which a need counts as due soon. */
    static final int DUE_SOON_DAYS = 2;

    /** The need with this number if it belongs to the enterprise with this login. */
    static Optional<Need> findOwn(String trackingNo, String subject) {
        return Need.<Need>find("trackingNo = ?1 and enterprise.subject = ?2", trackingNo, subject).firstResultOptional();
    }

    public LocalDate currentDue() {
        return due;
    }

    public boolean isOverdue(LocalDate today) {
        return due != null && today.isAfter(due);
    }

    public boolean isDueSoon(LocalDate today) {
        return due != null && !today.isAfter(due) && !today.plusDays(DUE_SOON_DAYS).isBefore(due);
    }
}

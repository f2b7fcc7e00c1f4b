package cn.keyida.portal.experts;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A need (or a part of it) handed to an expert; the need itself stays with {@code needs}. */
@Entity
@Table(name = "expert_assignment")
public class ExpertAssignment extends BaseEntity {

    public enum Origin { ENTERPRISE, STAFF }

    @Column(name = "expert_id")
    public Long expertId;

    @Column(name = "need_id")
    public Long needId;

    @Column(name = "tracking_no")
    public String trackingNo;

    @Column(name = "need_title")
    public String needTitle;

    /** What the expert is asked about; empty: the whole need. */
    public String part = "";

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    @Column(name = "respond_by")
    public LocalDate respondBy;

    @Column(name = "decline_reason")
    public String declineReason = "";

    @Column(name = "assigned_by")
    public String assignedBy = "";

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public static List<ExpertAssignment> forNeed(long needId) {
        return list("needId = ?1 order by id", needId);
    }

    public static List<ExpertAssignment> forExpert(long expertId) {
        return list("expertId = ?1 and status <> ?2 order by id desc", expertId, AssignmentStatus.REQUESTED);
    }
}

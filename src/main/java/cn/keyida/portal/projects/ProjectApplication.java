package cn.keyida.portal.projects;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An application (申报) to a call and, once approved, the plan project (立项) it became. */
@Entity
@Table(name = "project_application")
public class ProjectApplication extends BaseEntity {

    public enum ApplicantKind {
        ENTERPRISE("企业"),
        INSTITUTION("高校院所");

        public final String label;

        ApplicantKind(String label) {
            this.label = label;
        }
    }

    @Column(name = "call_id")
    public Long callId;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_kind")
    public ApplicantKind applicantKind;

    @Column(name = "applicant_subject")
    public String applicantSubject;

    /** The applicant's organisation, as on its profile; the draw compares it with the experts'. */
    @Column(name = "applicant_name")
    public String applicantName;

    /** Where the applicant's mails go (a verified address); null: none. */
    @Column(name = "applicant_email")
    public String applicantEmail;

    @Column(name = "field_code")
    public String fieldCode;

    public String title;
    public String summary = "";

    /** 申请资助 (元): the part of the budget the call should pay. */
    @Column(name = "requested_amount")
    public BigDecimal requestedAmount;

    /** 自筹 (元). */
    @Column(name = "self_funding")
    public BigDecimal selfFunding = BigDecimal.ZERO;

    @Column(name = "contact_person")
    public String contactPerson = "";

    @Column(name = "contact_mobile")
    public String contactMobile = "";

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;

    @Column(name = "correction_reason")
    public String correctionReason = "";

    @Column(name = "correction_due")
    public LocalDate correctionDue;

    @Column(name = "publicity_from")
    public LocalDate publicityFrom;

    @Column(name = "publicity_until")
    public LocalDate publicityUntil;

    @Column(name = "decision_note")
    public String decisionNote = "";

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public int year;

    public BigDecimal totalBudget() {
        return requestedAmount.add(selfFunding == null ? BigDecimal.ZERO : selfFunding);
    }
}

package cn.keyida.portal.visits;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A 科惠达 service visit to an enterprise. */
@Entity
@Table(name = "service_visit")
public class Visit extends BaseEntity {

    @Column(name = "enterprise_subject")
    public String enterpriseSubject;

    @Column(name = "enterprise_name")
    public String enterpriseName;

    public String district;

    @Column(name = "planned_on")
    public LocalDate plannedOn;

    public String team;

    /** 政策宣讲, 需求调研 or 现场服务. */
    public String purpose;

    @Enumerated(EnumType.STRING)
    public VisitStatus status;

    public String participants;
    public String findings;

    @Column(name = "policies_explained")
    public String policiesExplained;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @Column(name = "created_by")
    public String createdBy;

    public static final java.util.List<String> PURPOSES = java.util.List.of("政策宣讲", "需求调研", "现场服务");
}

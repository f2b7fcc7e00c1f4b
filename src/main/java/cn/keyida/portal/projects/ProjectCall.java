package cn.keyida.portal.projects;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A call for applications (申报指南) of a plan programme. */
@Entity
@Table(name = "project_call")
public class ProjectCall extends BaseEntity {

    /** One scoring criterion; the weights of a call sum to 100 and a score runs from 0 to the weight. */
    public record Criterion(String name, int weight) {}

    public String programme;
    public String title;
    public String description = "";

    /** Codes of techfield, comma-separated. */
    public String fields;

    @Column(name = "total_budget")
    public BigDecimal totalBudget;

    @Column(name = "max_grant")
    public BigDecimal maxGrant;

    @Column(name = "apply_from")
    public LocalDate applyFrom;

    @Column(name = "apply_to")
    public LocalDate applyTo;

    @Column(name = "required_qualifications")
    public String requiredQualifications = "";

    public String districts = "";

    @Column(name = "required_files")
    public String requiredFiles = "";

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Criterion> criteria = new ArrayList<>();

    @Column(name = "reviewers_per_field")
    public int reviewersPerField;

    /** Working days an invited expert has to score. */
    @Column(name = "review_days")
    public int reviewDays = 10;

    /** Length of the 公示 period in working days. */
    @Column(name = "publicity_days")
    public int publicityDays = 5;

    @Enumerated(EnumType.STRING)
    public CallStatus status;

    @Column(name = "created_by")
    public String createdBy = "";

    public List<String> fieldList() {
        return split(fields);
    }

    public List<String> qualificationList() {
        return split(requiredQualifications);
    }

    public List<String> districtList() {
        return split(districts);
    }

    public List<FileKind> requiredFileKinds() {
        return split(requiredFiles).stream().map(k -> FileKind.of(k).orElse(null)).filter(k -> k != null).toList();
    }

    public boolean acceptsApplications(LocalDate today) {
        return status == CallStatus.OPEN && !today.isBefore(applyFrom) && !today.isAfter(applyTo);
    }

    static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    public static List<ProjectCall> open() {
        return list("status = ?1 order by applyTo, id", CallStatus.OPEN);
    }
}

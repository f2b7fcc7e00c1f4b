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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One drawn expert's review of one application: invited (the expert sees the applicant and team only),
 * then a conflict declaration (none → the full application and the score form; one → left out and
 * replaced), or a declined invitation (replaced), and finally the scores.
 */
@Entity
@Table(name = "project_review")
public class ProjectReview extends BaseEntity {

    public enum Status {
        INVITED("待声明利益冲突"),
        ACCEPTED("评审中"),
        SUBMITTED("已提交评分"),
        DECLINED("已谢绝"),
        CONFLICT("利益冲突回避");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        /** A review that counts: the expert is (still) a reviewer of the application. */
        public boolean active() {
            return this == INVITED || this == ACCEPTED || this == SUBMITTED;
        }
    }

    @Column(name = "application_id")
    public Long applicationId;

    @Column(name = "draw_id")
    public Long drawId;

    @Column(name = "expert_id")
    public Long expertId;

    @Column(name = "expert_username")
    public String expertUsername;

    @Column(name = "expert_name")
    public String expertName;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Scores in the call's criteria order. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Integer> scores;

    public BigDecimal total;
    public String comment = "";

    @Column(name = "decline_reason")
    public String declineReason = "";

    public LocalDate due;

    @Column(name = "declared_at")
    public Instant declaredAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public static List<ProjectReview> of(long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }

    public static List<ProjectReview> ofExpert(String username) {
        return list("expertUsername = ?1 order by id desc", username);
    }
}

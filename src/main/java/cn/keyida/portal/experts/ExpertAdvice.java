package cn.keyida.portal.experts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** The expert's words on an assignment: advice for the enterprise, a note for staff, an on-site visit. */
@Entity
@Immutable
@Table(name = "expert_advice")
public class ExpertAdvice extends PanacheEntityBase {

    public enum Kind {
        ADVICE("咨询意见"), NOTE("内部意见（仅工作人员可见）"), VISIT("现场指导");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id")
    public Long assignmentId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String text;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @Column(name = "visible_to_enterprise")
    public boolean visibleToEnterprise;

    public String actor;
    public Instant at;

    static List<ExpertAdvice> forAssignment(long assignmentId, boolean enterpriseView) {
        return enterpriseView ? list("assignmentId = ?1 and visibleToEnterprise = true order by id", assignmentId)
                : list("assignmentId = ?1 order by id", assignmentId);
    }
}

package cn.keyida.portal.experts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/** The enterprise's one rating (1–5, comment) of an expert's help on its need. */
@Entity
@Immutable
@Table(name = "expert_rating")
public class ExpertRating extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "expert_id")
    public Long expertId;

    public int score;
    public String comment = "";

    @Column(name = "rated_by")
    public String ratedBy;

    public Instant at;

    static Optional<ExpertRating> forAssignment(long assignmentId) {
        return find("assignmentId", assignmentId).firstResultOptional();
    }

    static List<ExpertRating> forExpert(long expertId) {
        return list("expertId = ?1 order by id desc", expertId);
    }
}

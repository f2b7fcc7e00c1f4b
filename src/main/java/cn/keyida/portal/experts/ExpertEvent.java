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
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One entry of an expert's append-only timeline; entries not visible to the expert are staff notes. */
@Entity
@Immutable
@Table(name = "expert_event")
public class ExpertEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "expert_id")
    public Long expertId;

    public Instant at;
    public String actor;
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ExpertStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ExpertStatus toStatus;

    public String note = "";

    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "visible_to_expert")
    public boolean visibleToExpert = true;

    static void record(Expert expert, String actor, String action, ExpertStatus from, String note, boolean visible) {
        ExpertEvent e = new ExpertEvent();
        e.expertId = expert.id;
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = expert.status;
        e.note = note == null ? "" : note.strip();
        e.visibleToExpert = visible;
        e.persist();
        // A concurrent change of the expert fails here (OptimisticLockException → 409), inside the action.
        getEntityManager().flush();
    }

    /** A step of an assignment, on the expert's timeline. */
    static void recordAssignment(ExpertAssignment a, String actor, String action, String note) {
        ExpertEvent e = new ExpertEvent();
        Expert expert = Expert.findById(a.expertId);
        e.expertId = a.expertId;
        e.assignmentId = a.id;
        e.at = Instant.now();
        e.actor = actor;
        e.action = action + "（" + a.trackingNo + "）";
        e.fromStatus = expert.status;
        e.toStatus = expert.status;
        e.note = note == null ? "" : note.strip();
        e.visibleToExpert = true;
        e.persist();
        getEntityManager().flush();
    }

    static List<ExpertEvent> timeline(long expertId, boolean expertView) {
        return expertView ? list("expertId = ?1 and visibleToExpert = true order by id", expertId)
                : list("expertId = ?1 order by id", expertId);
    }
}

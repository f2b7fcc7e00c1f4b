package cn.keyida.portal.projects;

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

/** One entry of an application's append-only timeline. */
@Entity
@Immutable
@Table(name = "project_event")
public class ProjectEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    public Instant at;
    public String actor;
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProjectStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProjectStatus toStatus;

    public String note = "";

    /** False for staff-only entries (reviewer names, draw details). */
    @Column(name = "visible_to_applicant")
    public boolean visibleToApplicant = true;

    static void record(ProjectApplication a, String actor, String action, ProjectStatus from, String note,
            boolean visible) {
        ProjectEvent e = new ProjectEvent();
        e.applicationId = a.id;
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = a.status;
        e.note = note == null ? "" : note;
        e.visibleToApplicant = visible;
        e.persist();
        // a concurrent change of the application fails here (OptimisticLockException → 409), inside the action
        getEntityManager().flush();
    }

    public static List<ProjectEvent> timeline(long applicationId, boolean staff) {
        return staff ? list("applicationId = ?1 order by id", applicationId)
                : list("applicationId = ?1 and visibleToApplicant = true order by id", applicationId);
    }
}

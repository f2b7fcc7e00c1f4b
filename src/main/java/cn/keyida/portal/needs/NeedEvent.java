package cn.keyida.portal.needs;

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

/** One entry of a need's append-only timeline; {@code public} entries are shown to the enterprise. */
@Entity
@Immutable
@Table(name = "need_event")
public class NeedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "need_id")
    public Long needId;

    public Instant at;
    public String actor;
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public NeedStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public NeedStatus toStatus;

    public String note = "";

    @Column(name = "public")
    public boolean visibleToEnterprise;

    static void record(Need need, String actor, String action, NeedStatus from, String note, boolean visible) {
        NeedEvent e = new NeedEvent();
        e.needId = need.id;
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = need.status;
        e.note = note == null ? "" : note;
        e.visibleToEnterprise = visible;
        e.persist();
        // Flush now: a concurrent change of the need fails here with OptimisticLockException (409),
        // inside the action, rather than at commit.
        getEntityManager().flush();
    }

    public static List<NeedEvent> timeline(long needId, boolean enterpriseView) {
        return enterpriseView ? list("needId = ?1 and visibleToEnterprise = true order by id", needId)
                : list("needId = ?1 order by id", needId);
    }
}

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

    /**
     * Personal-data erasure of an enterprise: the timelines of its needs keep who-did-what-when, but no
     * longer its words or its user's name. The timeline is append-only for the workflow; this bulk
     * update by the owning package is the one exception, and the entities are never loaded for it.
     * Entries written by the enterprise (submission, additional information, withdrawal, online
     * rating) lose their author's name; its notes and every callback comment are dropped, except the
     * rating labels; visible follow-up notes, which may quote it, are replaced.
     */
    static void anonymiseEnterpriseEntries(long profileId, String erased) {
        String needs = "select n.id from need n where n.enterprise_id = :p";
        getEntityManager().createNativeQuery("""
                update need_event set actor = '企业' where need_id in (%1$s) and actor in (
                    select e.actor from need_event e where e.need_id in (%1$s) and e.action in ('提交需求', '企业补充材料', '企业撤回', '企业确认走访记录', '企业更正走访记录')
                    union select c.actor from need_callback c where c.need_id in (%1$s) and c.channel = 'ONLINE')"""
                .formatted(needs)).setParameter("p", profileId).executeUpdate();
        getEntityManager().createNativeQuery("""
                update need_event set note = case
                    when action in ('企业补充材料', '企业撤回', '企业更正走访记录') and note <> '' then :erased
                    when action = '满意度回访' then split_part(note, '：', 1)
                    when action in ('不满意，重新办理', '电话回访未接通') then ''
                    when action in (:followUps) and note <> '（内部记录）' then :erased
                    else note end
                where need_id in (%s)""".formatted(needs))
                .setParameter("p", profileId).setParameter("erased", erased)
                .setParameter("followUps", java.util.Arrays.stream(FollowUp.Kind.values()).map(k -> k.label).toList())
                .executeUpdate();
    }

    public static List<NeedEvent> timeline(long needId, boolean enterpriseView) {
        return enterpriseView ? list("needId = ?1 and visibleToEnterprise = true order by id", needId)
                : list("needId = ?1 order by id", needId);
    }
}

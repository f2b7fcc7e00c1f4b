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
import java.time.LocalDate;
import java.util.List;

/** A follow-up record: a phone call, a visit, a meeting … with its outcome and next step. */
@Entity
@Table(name = "need_followup")
public class FollowUp extends PanacheEntityBase {

    public enum Kind {
        PHONE("电话回访"), VISIT("实地调研"), TRACKING("跟踪服务"), ONLINE("线上对接"), MEETING("会议对接");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "need_id")
    public Long needId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "happened_at")
    public Instant happenedAt;

    public String participants = "";
    public String notes;
    public String outcome = "";

    @Column(name = "next_step_date")
    public LocalDate nextStepDate;

    /** Shown to the enterprise as a reply; otherwise a private staff note. */
    @Column(name = "public")
    public boolean visibleToEnterprise;

    public String actor;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Personal-data erasure: the kind, dates and author stay; who took part and what was said go. */
    static void anonymise(long profileId, String erased) {
        update("participants = '', notes = ?1, outcome = '' where needId in (select n.id from Need n where n.enterprise.id = ?2)",
                erased, profileId);
    }

    public static List<FollowUp> forNeed(long needId, boolean enterpriseView) {
        return enterpriseView ? list("needId = ?1 and visibleToEnterprise = true order by happenedAt", needId)
                : list("needId = ?1 order by happenedAt", needId);
    }
}

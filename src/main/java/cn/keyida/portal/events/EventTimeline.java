package cn.keyida.portal.events;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Append-only history of an event and its registrations: who did what, from which state to which. */
@Entity
@Table(name = "event_timeline")
public class EventTimeline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "registration_id")
    public Long registrationId;

    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public String actor;
    public String note;

    @Column(name = "created_at")
    public Instant createdAt;

    static void record(long eventId, Long registrationId, String action, Object from, Object to, String actor,
            String note) {
        EventTimeline t = new EventTimeline();
        t.eventId = eventId;
        t.registrationId = registrationId;
        t.action = action;
        t.fromStatus = from == null ? null : from.toString();
        t.toStatus = to == null ? null : to.toString();
        t.actor = actor;
        t.note = note;
        t.createdAt = Instant.now();
        t.persist();
    }

    public String createdText() {
        return PortalClock.localText(createdAt);
    }
}

package cn.keyida.portal.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A pairing started at a 供需对接会: an attendee and a presented market item, with the market's 对接 case. */
@Entity
@Table(name = "event_pairing")
public class EventPairing extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "market_item_id")
    public long marketItemId;

    @Column(name = "market_case_id")
    public long marketCaseId;

    @Column(name = "item_title")
    public String itemTitle;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}

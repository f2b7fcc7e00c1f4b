package cn.keyida.portal.events;

import cn.keyida.portal.common.BaseEntity;
import cn.keyida.portal.common.PortalClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's place at an event: a seat, a place in the waiting line, or given up. */
@Entity
@Table(name = "event_registration")
public class Registration extends BaseEntity {

    @Column(name = "event_id")
    public long eventId;

    /** The OIDC subject of the person who registered. */
    public String subject;

    public String name;
    public String email;

    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    /** The order of registration: the waiting line is promoted by it. */
    @Column(name = "queue_no")
    public long queueNo;

    /** The short numeric code typed (or scanned as a QR code) at the door. */
    @Column(name = "checkin_code")
    public String checkinCode;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    public String satisfaction;

    @Column(name = "rating_token_hash")
    public String ratingTokenHash;

    public String checkedInText() {
        return PortalClock.localText(checkedInAt);
    }
}

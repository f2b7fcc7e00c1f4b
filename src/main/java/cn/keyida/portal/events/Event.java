package cn.keyida.portal.events;

import cn.keyida.portal.common.BaseEntity;
import cn.keyida.portal.common.PortalClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event staff organise; its seats are counted under a row lock on this row ({@link EventService}). */
@Entity
@Table(name = "event")
public class Event extends BaseEntity {

    @Enumerated(EnumType.STRING)
    public EventType type;

    public String title;

    /** Sanitized HTML, written once on save. */
    public String description;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String place;
    public String address;
    public String district;

    @Column(name = "online_link")
    public String onlineLink;

    public String organiser;
    public int capacity;

    @Column(name = "registration_opens")
    public Instant registrationOpens;

    @Column(name = "registration_closes")
    public Instant registrationCloses;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    /** For a 对接会: the policies, achievements or demands presented, one per line. */
    @Column(name = "presented_items")
    public String presentedItems;

    @Enumerated(EnumType.STRING)
    public EventStatus status;

    /** When the event was first published: its date in search and feeds. */
    @Column(name = "published_at")
    public Instant publishedAt;

    public String startText() {
        return PortalClock.localText(startsAt);
    }

    public String endText() {
        return PortalClock.localText(endsAt);
    }

    public String opensText() {
        return PortalClock.localText(registrationOpens);
    }

    public String closesText() {
        return PortalClock.localText(registrationCloses);
    }

    public boolean registrationOpenAt(Instant now) {
        return status == EventStatus.PUBLISHED && !now.isBefore(registrationOpens) && now.isBefore(registrationCloses);
    }
}

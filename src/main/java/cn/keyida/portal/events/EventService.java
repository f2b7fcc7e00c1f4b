package cn.keyida.portal.events;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every change to events and registrations, each in one transaction with its timeline entry and mails.
 * Registrations and cancellations lock the event's row first ({@code select ... for update}), so on any
 * number of app instances the seats are counted one registration at a time: never more than the
 * capacity, and the waiting line promoted strictly in the order people joined it.
 */
@ApplicationScoped
public class EventService {

    static final List<String> SATISFACTION = List.of("VERY_SATISFIED", "SATISFIED", "NEUTRAL", "UNSATISFIED");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalClock clock;
    private final EventMails mails;
    private final jakarta.enterprise.event.Event<EventChanged> changed;
    private final cn.keyida.portal.market.MarketViews market;
    private final cn.keyida.portal.market.CaseWorkflow cases;

    EventService(PortalClock clock, EventMails mails, jakarta.enterprise.event.Event<EventChanged> changed,
            cn.keyida.portal.market.MarketViews market, cn.keyida.portal.market.CaseWorkflow cases) {
        this.clock = clock;
        this.mails = mails;
        this.changed = changed;
        this.market = market;
        this.cases = cases;
    }

    @Transactional
    public Event create(EventInput input, String actor) {
        Event e = new Event();
        apply(e, input, 0);
        e.status = EventStatus.DRAFT;
        e.persist();
        EventTimeline.record(e.id, null, "CREATE", null, e.status, actor, null);
        return e;
    }

    /** Edits the event; more seats promote the waiting line in order (under the event's lock). */
    @Transactional
    public Event update(long id, long version, EventInput input, String actor) {
        lockEvent(id);
        Event e = load(id, version, EventAction.EDIT);
        apply(e, input, count(e.id, RegistrationStatus.REGISTERED));
        EventTimeline.record(e.id, null, "EDIT", e.status, e.status, actor, null);
        announce(e, e.status);
        if (e.status == EventStatus.PUBLISHED) {
            while (count(e.id, RegistrationStatus.REGISTERED) < e.capacity && promoteNext(e).isPresent()) {
                // one by one, in queue order
            }
        }
        return e;
    }

    @Transactional
    public Event publish(long id, long version, String actor) {
        Event e = move(load(id, version, EventAction.PUBLISH), EventAction.PUBLISH, actor, null);
        if (e.publishedAt == null) {
            e.publishedAt = clock.now();
        }
        announce(e, EventStatus.DRAFT);
        return e;
    }

    /** Cancels the event and tells everyone registered or waiting. */
    @Transactional
    public Event cancel(long id, long version, String reason, String actor) {
        Event loaded = load(id, version, EventAction.CANCEL);
        EventStatus before = loaded.status;
        Event e = move(loaded, EventAction.CANCEL, actor, reason);
        announce(e, before);
        for (Registration r : Registration.<Registration>list("eventId = ?1 and status <> ?2 order by queueNo",
                e.id, RegistrationStatus.CANCELLED)) {
            mails.eventCancelled(e, r, reason == null ? "" : reason.strip());
        }
        return e;
    }

    /** Marks the event finished and sends every attendee a one-click satisfaction link. */
    @Transactional
    public Event finish(long id, long version, String actor) {
        Event e = move(load(id, version, EventAction.FINISH), EventAction.FINISH, actor, null);
        announce(e, EventStatus.PUBLISHED);
        for (Registration r : Registration.<Registration>list("eventId = ?1 and checkedInAt is not null", e.id)) {
            String token = newToken();
            r.ratingTokenHash = hash(token);
            mails.rateEvent(e, r, token);
        }
        return e;
    }

    /**
     * Registers a person: a seat while there is one, else a place at the end of the waiting line. One
     * registration per person and event; after a cancellation the person may join again, at the end.
     */
    @Transactional
    public Registration register(long eventId, String subject, String name, String email) {
        Event e = lockEvent(eventId);
        refuseUnless(e, EventAction.REGISTER);
        Instant now = clock.now();
        if (now.isBefore(e.registrationOpens)) {
            throw new InvalidInputException("报名尚未开始，开始时间为 " + e.opensText() + "。");
        }
        if (!now.isBefore(e.registrationCloses)) {
            throw new InvalidInputException("报名已于 " + e.closesText() + " 截止。");
        }
        Registration r = Registration.<Registration>find("eventId = ?1 and subject = ?2", eventId, subject)
                .firstResultOptional().orElse(null);
        if (r != null && r.status != RegistrationStatus.CANCELLED) {
            throw new EventConflictException("您已报名该活动（" + r.status.label + "），无需重复报名。");
        }
        boolean seat = count(eventId, RegistrationStatus.REGISTERED) < e.capacity;
        if (r == null) {
            r = new Registration();
            r.eventId = eventId;
            r.subject = subject;
            r.checkinCode = newCode(eventId);
        }
        RegistrationStatus from = r.status;
        r.name = name;
        r.email = email;
        r.status = seat ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        r.queueNo = Registration.find("select coalesce(max(queueNo), 0) + 1 from Registration where eventId = ?1",
                eventId).project(Long.class).firstResult();
        r.persist();
        EventTimeline.record(eventId, r.id, "REGISTER", from, r.status, name, null);
        if (seat) {
            mails.registered(e, r);
        } else {
            mails.waitlisted(e, r, count(eventId, RegistrationStatus.WAITLISTED, r.queueNo));
        }
        return r;
    }

    /** Gives up a seat or a place in line; a freed seat goes to the first person waiting, who is mailed. */
    @Transactional
    public Optional<Registration> cancelRegistration(long eventId, String subject, String actor) {
        Event e = lockEvent(eventId);
        refuseUnless(e, EventAction.CANCEL_REGISTRATION);
        Registration r = Registration.<Registration>find("eventId = ?1 and subject = ?2 and status <> ?3", eventId,
                subject, RegistrationStatus.CANCELLED).firstResultOptional()
                .orElseThrow(() -> new EventConflictException("您没有该活动的有效报名。"));
        RegistrationStatus from = r.status;
        r.status = RegistrationStatus.CANCELLED;
        EventTimeline.record(eventId, r.id, "CANCEL_REGISTRATION", from, r.status, actor, null);
        if (from != RegistrationStatus.REGISTERED || count(eventId, RegistrationStatus.REGISTERED) >= e.capacity) {
            return Optional.empty();
        }
        return promoteNext(e);
    }

    /** The first person waiting gets the free seat and a mail. */
    private Optional<Registration> promoteNext(Event e) {
        Optional<Registration> next = Registration.<Registration>find("eventId = ?1 and status = ?2 order by queueNo",
                e.id, RegistrationStatus.WAITLISTED).firstResultOptional();
        next.ifPresent(n -> {
            n.status = RegistrationStatus.REGISTERED;
            n.persist();
            // flushed so the next count sees it
            Registration.flush();
            EventTimeline.record(e.id, n.id, "PROMOTE", RegistrationStatus.WAITLISTED, n.status, "系统", null);
            mails.promoted(e, n);
        });
        return next;
    }

    /**
     * Records a pairing started at a 供需对接会: an attendee and a market item presented there. The 对接 case
     * is opened through the market's own workflow (an enterprise on an achievement, an institution on a
     * demand), so its broker, mails and timeline are the market's; the event keeps the link.
     */
    @Transactional
    public EventPairing recordPairing(long eventId, String itemNo, String registrationId, String actor) {
        Event e = lockEvent(eventId);
        if (e.type != EventType.MATCHMAKING) {
            throw new EventConflictException("只有供需对接会可以记录现场对接。");
        }
        if (e.status != EventStatus.PUBLISHED && e.status != EventStatus.FINISHED) {
            throw new EventConflictException("活动当前状态为" + e.status.label + "，不能记录现场对接。");
        }
        FieldErrors.Builder errors = new FieldErrors.Builder();
        long itemId = 0;
        try {
            itemId = Long.parseLong(trim(itemNo));
        } catch (NumberFormatException ex) {
            errors.add("item", "请填写技术市场信息编号（数字）。");
        }
        Registration r = null;
        try {
            r = Registration.<Registration>find("id = ?1 and eventId = ?2 and status = ?3", Long.parseLong(trim(registrationId)),
                    eventId, RegistrationStatus.REGISTERED).firstResult();
        } catch (NumberFormatException ex) {
            // reported below
        }
        if (r == null) {
            errors.add("registration", "请选择已报名的参会单位。");
        }
        errors.throwIfAny();
        if (EventPairing.count("eventId = ?1 and registrationId = ?2 and marketItemId = ?3", eventId, r.id, itemId) > 0) {
            throw new EventConflictException("该参会单位与这条信息的对接已记录。");
        }
        cn.keyida.portal.market.MarketItem item;
        try {
            item = market.staff(itemId).item();
        } catch (jakarta.ws.rs.NotFoundException ex) {
            throw new FieldErrors(java.util.Map.of("item", "未找到编号为 " + itemId + " 的技术市场信息。"));
        }
        var requester = item.kind == cn.keyida.portal.market.MarketKind.DEMAND
                ? cn.keyida.portal.market.MarketWorkflow.OwnerKind.INSTITUTION
                : cn.keyida.portal.market.MarketWorkflow.OwnerKind.ENTERPRISE;
        cn.keyida.portal.market.MarketCase c;
        try {
            c = cases.request(itemId, r.subject, requester, "供需对接会“" + e.title + "”现场对接", actor);
        } catch (jakarta.ws.rs.NotFoundException ex) {
            throw new FieldErrors(java.util.Map.of("item", "编号为 " + itemId + " 的技术市场信息未发布，不能对接。"));
        }
        EventPairing p = new EventPairing();
        p.eventId = eventId;
        p.registrationId = r.id;
        p.marketItemId = itemId;
        p.marketCaseId = c.id;
        p.itemTitle = item.title;
        p.createdBy = actor;
        p.createdAt = clock.now();
        p.persist();
        EventTimeline.record(eventId, r.id, "PAIRING", r.status, r.status, actor, item.title + " → 对接案例 " + c.id);
        return p;
    }

    /** Checks a registration in by its code; each code counts once. */
    @Transactional
    public Registration checkIn(long eventId, String code, String actor) {
        Event e = lockEvent(eventId);
        refuseUnless(e, EventAction.CHECK_IN);
        String c = code == null ? "" : code.strip();
        if (!c.matches("\\d{6}")) {
            throw new FieldErrors(java.util.Map.of("code", "请输入 6 位数字签到码。"));
        }
        Registration r = Registration.<Registration>find("eventId = ?1 and checkinCode = ?2", eventId, c)
                .firstResultOptional()
                .orElseThrow(() -> new FieldErrors(java.util.Map.of("code", "签到码 " + c + " 不属于本活动。")));
        if (r.status != RegistrationStatus.REGISTERED) {
            throw new EventConflictException(r.name + " 的报名状态为" + r.status.label + "，不能签到。");
        }
        if (r.checkedInAt != null) {
            throw new EventConflictException(r.name + " 已于 " + r.checkedInText() + " 签到，签到码只能使用一次。");
        }
        r.checkedInAt = clock.now();
        EventTimeline.record(eventId, r.id, "CHECK_IN", r.status, r.status, actor, null);
        return r;
    }

    /** The one-click rating from the mail after the event; a link counts once. */
    @Transactional
    public Registration rate(String token, String satisfaction) {
        if (satisfaction == null || !SATISFACTION.contains(satisfaction)) {
            throw new InvalidInputException("请选择满意程度。");
        }
        Registration r = byToken(token).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        if (r.satisfaction != null) {
            throw new EventConflictException("您已评价过本次活动，感谢参与。");
        }
        r.satisfaction = satisfaction;
        EventTimeline.record(r.eventId, r.id, "RATE", null, satisfaction, r.name, null);
        return r;
    }

    static Optional<Registration> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Registration.find("ratingTokenHash", hash(token)).firstResultOptional();
    }

    /** The name shown for a registration: the enterprise's name when the person has a profile. */
    static String nameOf(String subject, String fallback) {
        return EnterpriseProfile.findBySubject(subject).map(p -> p.name).orElse(fallback);
    }

    // --- helpers

    /** Tells search (in this transaction) that the event's document changed, appeared or went away. */
    private void announce(Event e, EventStatus before) {
        changed.fire(new EventChanged(e.id, EventDocuments.slug(e.id), before.isIndexed(), e.status.isIndexed()));
    }

    private Event lockEvent(long id) {
        Event e = Event.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return e;
    }

    private static Event load(long id, long version, EventAction action) {
        Event e = Event.findById(id);
        if (e == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (e.version != version) {
            throw new EventConflictException("该活动已被其他人修改，您的操作未执行。请重新打开页面后再试。");
        }
        refuseUnless(e, action);
        return e;
    }

    private static void refuseUnless(Event e, EventAction action) {
        if (!e.status.allows(action)) {
            throw new EventConflictException("活动当前状态为" + e.status.label + "，不能" + action.label + "。");
        }
    }

    private static Event move(Event e, EventAction action, String actor, String note) {
        EventStatus from = e.status;
        e.status = from.after(action).orElseThrow();
        EventTimeline.record(e.id, null, action.name(), from, e.status, actor, note);
        return e;
    }

    static long count(long eventId, RegistrationStatus status) {
        return Registration.count("eventId = ?1 and status = ?2", eventId, status);
    }

    /** How many wait at or before this place in line. */
    private static long count(long eventId, RegistrationStatus status, long upToQueueNo) {
        return Registration.count("eventId = ?1 and status = ?2 and queueNo <= ?3", eventId, status, upToQueueNo);
    }

    /** A six-digit code not yet used at this event (called under the event's lock). */
    private static String newCode(long eventId) {
        while (true) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            if (Registration.count("eventId = ?1 and checkinCode = ?2", eventId, code) == 0) {
                return code;
            }
        }
    }

    private void apply(Event e, EventInput in, long registered) {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        EventType type = parseEnum(EventType.class, in.type());
        if (type == null) {
            errors.add("type", "请选择活动类型。");
        }
        String title = trim(in.title());
        if (title.isEmpty()) {
            errors.add("title", "请填写活动标题。");
        } else if (title.length() > 200) {
            errors.add("title", "活动标题最多 200 字。");
        }
        Instant starts = time(in.startsAt(), "startsAt", "开始时间", errors);
        Instant ends = time(in.endsAt(), "endsAt", "结束时间", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add("endsAt", "结束时间必须晚于开始时间。");
        }
        String place = trim(in.place());
        String link = trim(in.onlineLink());
        if (place.isEmpty() && link.isEmpty()) {
            errors.add("place", "请填写活动地点或线上参会链接。");
        }
        if (!link.isEmpty() && !link.matches("https?://\\S{3,490}")) {
            errors.add("onlineLink", "线上参会链接应以 http:// 或 https:// 开头。");
        }
        String district = trim(in.district());
        if (!district.isEmpty() && !EnterpriseProfile.DISTRICTS.contains(district)) {
            errors.add("district", "请从列表中选择区县。");
        }
        String organiser = trim(in.organiser());
        if (organiser.isEmpty()) {
            errors.add("organiser", "请填写主办单位。");
        }
        int capacity = 0;
        try {
            capacity = Integer.parseInt(trim(in.capacity()));
        } catch (NumberFormatException ex) {
            capacity = Integer.MIN_VALUE;
        }
        if (capacity <= 0 || capacity > 100_000) {
            errors.add("capacity", "人数上限须为 1 至 100000 之间的整数。");
        } else if (capacity < registered) {
            errors.add("capacity", "人数上限不能少于已报名人数（" + registered + " 人）。");
        }
        Instant opens = time(in.registrationOpens(), "registrationOpens", "报名开始时间", errors);
        Instant closes = time(in.registrationCloses(), "registrationCloses", "报名截止时间", errors);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.add("registrationCloses", "报名截止时间必须晚于报名开始时间。");
        }
        if (closes != null && ends != null && closes.isAfter(ends)) {
            errors.add("registrationCloses", "报名截止时间不能晚于活动结束时间。");
        }
        Audience audience = parseEnum(Audience.class, in.audience());
        if (audience == null) {
            errors.add("audience", "请选择面向对象。");
        }
        String description = trim(in.description());
        if (description.length() > 20_000) {
            errors.add("description", "活动介绍最多 20000 字。");
        }
        errors.throwIfAny();
        e.type = type;
        e.title = title;
        e.description = EventSanitizer.sanitize(description);
        e.startsAt = starts;
        e.endsAt = ends;
        e.place = place.isEmpty() ? null : place;
        e.address = trim(in.address()).isEmpty() ? null : trim(in.address());
        e.district = district.isEmpty() ? null : district;
        e.onlineLink = link.isEmpty() ? null : link;
        e.organiser = organiser;
        e.capacity = capacity;
        e.registrationOpens = opens;
        e.registrationCloses = closes;
        e.audience = audience;
        e.presentedItems = trim(in.presentedItems());
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** A datetime-local field ("2026-12-10T14:30"), China time. */
    private static Instant time(String value, String field, String label, FieldErrors.Builder errors) {
        String v = trim(value);
        if (v.isEmpty()) {
            errors.add(field, "请填写" + label + "。");
            return null;
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(PortalClock.ZONE).toInstant();
        } catch (DateTimeParseException ex) {
            errors.add(field, label + "格式应为“年-月-日 时:分”，如 2026-12-10 14:30。");
            return null;
        }
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

package cn.keyida.portal.events;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the event pages show, read in one transaction and returned as view records. */
@ApplicationScoped
public class EventViews {

    public record Figures(long registered, long waitlisted, long cancelled, long checkedIn, long noShow,
            long rated, long satisfied) {}

    public record Filters(String type, String district, String month, String view) {
        String query(String monthValue, String viewValue) {
            StringBuilder q = new StringBuilder("?view=").append(viewValue);
            if (type != null && !type.isEmpty()) {
                q.append("&type=").append(type);
            }
            if (district != null && !district.isEmpty()) {
                q.append("&district=").append(java.net.URLEncoder.encode(district, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (monthValue != null) {
                q.append("&month=").append(monthValue);
            }
            return q.toString();
        }
    }

    public record Day(LocalDate date, int number, boolean inMonth, boolean today, List<Event> events) {}

    public record Month(String label, String prevUrl, String nextUrl, List<List<Day>> weeks) {}

    public record PublicList(List<Event> events, Month month, Filters filters, List<EventType> types,
            List<String> districts, String listUrl, String monthUrl) {}

    public record Detail(Event event, Figures figures, Registration mine, long waitPlace, boolean open,
            String qrSvg, List<String> presented) {}

    public record StaffRow(Event event, Figures figures) {}

    public record StaffDetail(Event event, Figures figures, List<Registration> registrations,
            List<EventTimeline> timeline, Map<String, String> values, List<EventPairing> pairings) {}

    public record Checkin(Event event, Figures figures, String code, Registration done) {}

    private final PortalClock clock;
    private final String baseUrl;

    EventViews(PortalClock clock, WebConfig web) {
        this.clock = clock;
        this.baseUrl = web.baseUrl();
    }

    @Transactional
    public PublicList publicList(Filters f) {
        EventType type = parse(f.type());
        String district = f.district() != null && EnterpriseProfile.DISTRICTS.contains(f.district()) ? f.district() : null;
        Filters clean = new Filters(type == null ? null : type.name(), district, f.month(),
                "month".equals(f.view()) ? "month" : "list");
        StringBuilder where = new StringBuilder("status in ?1");
        List<Object> args = new ArrayList<>();
        args.add(List.of(EventStatus.PUBLISHED, EventStatus.FINISHED, EventStatus.CANCELLED));
        if (type != null) {
            args.add(type);
            where.append(" and type = ?").append(args.size());
        }
        if (district != null) {
            args.add(district);
            where.append(" and district = ?").append(args.size());
        }
        YearMonth ym = month(f.month());
        LocalDate today = clock.today();
        if ("month".equals(clean.view())) {
            LocalDate first = ym.atDay(1).with(DayOfWeek.MONDAY);
            if (first.isAfter(ym.atDay(1))) {
                first = first.minusWeeks(1);
            }
            LocalDate last = ym.atEndOfMonth().with(DayOfWeek.SUNDAY);
            args.add(PortalClock.startOf(first));
            where.append(" and startsAt >= ?").append(args.size());
            args.add(PortalClock.startOf(last.plusDays(1)));
            where.append(" and startsAt < ?").append(args.size());
            List<Event> events = Event.list(where + " order by startsAt", args.toArray());
            List<List<Day>> weeks = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusWeeks(1)) {
                List<Day> week = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    LocalDate day = d.plusDays(i);
                    week.add(new Day(day, day.getDayOfMonth(), YearMonth.from(day).equals(ym), day.equals(today),
                            events.stream().filter(e -> PortalClock.dayOf(e.startsAt).equals(day)).toList()));
                }
                weeks.add(week);
            }
            Month month = new Month(ym.getYear() + " 年 " + ym.getMonthValue() + " 月",
                    "/events" + clean.query(ym.minusMonths(1).toString(), "month"),
                    "/events" + clean.query(ym.plusMonths(1).toString(), "month"), weeks);
            return new PublicList(events, month, clean, List.of(EventType.values()), EnterpriseProfile.DISTRICTS,
                    "/events" + clean.query(null, "list"), "/events" + clean.query(ym.toString(), "month"));
        }
        args.add(PortalClock.startOf(today));
        where.append(" and endsAt >= ?").append(args.size());
        List<Event> events = Event.<Event>find(where + " order by startsAt", args.toArray()).page(0, 200).list();
        return new PublicList(events, null, clean, List.of(EventType.values()), EnterpriseProfile.DISTRICTS,
                "/events" + clean.query(null, "list"), "/events" + clean.query(ym.toString(), "month"));
    }

    @Transactional
    public Detail detail(long id, String subject) {
        Event e = Event.findById(id);
        if (e == null || !e.status.isPublic()) {
            throw new NotFoundException();
        }
        Registration mine = subject == null ? null
                : Registration.<Registration>find("eventId = ?1 and subject = ?2", id, subject).firstResult();
        long place = mine != null && mine.status == RegistrationStatus.WAITLISTED
                ? Registration.count("eventId = ?1 and status = ?2 and queueNo <= ?3", id,
                        RegistrationStatus.WAITLISTED, mine.queueNo)
                : 0;
        String qr = mine != null && mine.status == RegistrationStatus.REGISTERED
                ? CheckinQr.svg(checkinUrl(e.id, mine.checkinCode)) : null;
        return new Detail(e, figures(id), mine, place, e.registrationOpenAt(clock.now()), qr, lines(e.presentedItems));
    }

    public record Mine(Event event, Registration registration) {}

    /** The event and registration of the person's .ics; only a seat or a place in line has one. */
    @Transactional
    public Mine registration(long id, String subject) {
        Event e = Event.findById(id);
        Registration r = Registration.<Registration>find("eventId = ?1 and subject = ?2 and status <> ?3", id, subject,
                RegistrationStatus.CANCELLED).firstResult();
        if (e == null || r == null) {
            throw new NotFoundException();
        }
        return new Mine(e, r);
    }

    @Transactional
    public List<Event> feed() {
        return Event.<Event>find("status in ?1 and endsAt >= ?2 order by startsAt",
                List.of(EventStatus.PUBLISHED, EventStatus.CANCELLED), clock.now().minus(java.time.Duration.ofDays(30)))
                .page(0, 500).list();
    }

    /** For the staff start page: upcoming published events and the totals of every event so far. */
    public record Totals(long upcoming, long registered, long checkedIn, long rated, long satisfied) {}

    @Transactional
    public Totals totals() {
        return new Totals(Event.count("status = ?1 and endsAt >= ?2", EventStatus.PUBLISHED, clock.now()),
                Registration.count("status", RegistrationStatus.REGISTERED),
                Registration.count("checkedInAt is not null"), Registration.count("satisfaction is not null"),
                Registration.count("satisfaction in ?1", List.of("VERY_SATISFIED", "SATISFIED")));
    }

    @Transactional
    public List<StaffRow> staffList() {
        return Event.<Event>find("order by startsAt desc").page(0, 200).list().stream()
                .map(e -> new StaffRow(e, figures(e.id))).toList();
    }

    @Transactional
    public StaffDetail staffDetail(long id, Map<String, String> values) {
        Event e = Event.findById(id);
        if (e == null) {
            throw new NotFoundException();
        }
        return new StaffDetail(e, figures(id),
                Registration.list("eventId = ?1 order by case when status = ?2 then 0 when status = ?3 then 1 else 2 end, queueNo",
                        id, RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED),
                EventTimeline.list("eventId = ?1 order by id desc", id), values == null ? formValues(e) : values,
                EventPairing.list("eventId = ?1 order by id", id));
    }

    @Transactional
    public Checkin checkin(long id, String code, Registration done) {
        Event e = Event.findById(id);
        if (e == null) {
            throw new NotFoundException();
        }
        return new Checkin(e, figures(id), code == null ? "" : code, done);
    }

    @Transactional
    public java.util.Optional<Registration> ratingOf(String token) {
        return EventService.byToken(token);
    }

    @Transactional
    public Event event(long id) {
        Event e = Event.findById(id);
        if (e == null) {
            throw new NotFoundException();
        }
        return e;
    }

    String checkinUrl(long eventId, String code) {
        return baseUrl + "/staff/events/" + eventId + "/checkin?code=" + code;
    }

    static Figures figures(long eventId) {
        long registered = EventService.count(eventId, RegistrationStatus.REGISTERED);
        long checkedIn = Registration.count("eventId = ?1 and checkedInAt is not null", eventId);
        Event e = Event.findById(eventId);
        long noShow = e != null && e.status == EventStatus.FINISHED ? registered - checkedIn : 0;
        return new Figures(registered, EventService.count(eventId, RegistrationStatus.WAITLISTED),
                EventService.count(eventId, RegistrationStatus.CANCELLED), checkedIn, noShow,
                Registration.count("eventId = ?1 and satisfaction is not null", eventId),
                Registration.count("eventId = ?1 and satisfaction in ?2", eventId,
                        List.of("VERY_SATISFIED", "SATISFIED")));
    }

    static Map<String, String> formValues(Event e) {
        Map<String, String> v = new LinkedHashMap<>();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .withZone(PortalClock.ZONE);
        v.put("type", e.type.name());
        v.put("title", e.title);
        v.put("description", e.description);
        v.put("startsAt", f.format(e.startsAt));
        v.put("endsAt", f.format(e.endsAt));
        v.put("place", e.place);
        v.put("address", e.address);
        v.put("district", e.district);
        v.put("onlineLink", e.onlineLink);
        v.put("organiser", e.organiser);
        v.put("capacity", String.valueOf(e.capacity));
        v.put("registrationOpens", f.format(e.registrationOpens));
        v.put("registrationCloses", f.format(e.registrationCloses));
        v.put("audience", e.audience.name());
        v.put("presentedItems", e.presentedItems);
        v.replaceAll((k, x) -> x == null ? "" : x);
        return v;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private YearMonth month(String value) {
        try {
            return value == null || value.isBlank() ? YearMonth.from(clock.today()) : YearMonth.parse(value.strip());
        } catch (DateTimeParseException ex) {
            return YearMonth.from(clock.today());
        }
    }

    private static EventType parse(String type) {
        try {
            return type == null || type.isBlank() ? null : EventType.valueOf(type);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}

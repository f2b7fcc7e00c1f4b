package cn.keyida.portal.events;

import cn.keyida.portal.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jsoup.Jsoup;

/** iCalendar (RFC 5545) files of events, written with ical4j: the public feed and one per registration. */
@ApplicationScoped
class EventCalendar {

    private final String baseUrl;

    EventCalendar(WebConfig web) {
        this.baseUrl = web.baseUrl();
    }

    String feed(List<Event> events) {
        return write(events, null);
    }

    String registration(Event e, Registration r) {
        return write(List.of(e), r);
    }

    private String write(List<Event> events, Registration r) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//科易达科技服务平台//活动日历//ZH"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new Method("PUBLISH"));
        for (Event e : events) {
            VEvent v = new VEvent(e.startsAt, e.endsAt, e.title);
            v.add(new Uid("event-" + e.id + "@keyida"));
            String where = e.place == null ? (e.onlineLink == null ? "" : "线上：" + e.onlineLink)
                    : e.place + (e.address == null ? "" : "（" + e.address + "）");
            if (!where.isEmpty()) {
                v.add(new Location(where));
            }
            StringBuilder text = new StringBuilder(e.type.label).append("　主办：").append(e.organiser);
            if (r != null) {
                text.append("\n签到码：").append(r.checkinCode);
            }
            String plain = Jsoup.parse(e.description == null ? "" : e.description).text();
            if (!plain.isEmpty()) {
                text.append("\n").append(plain);
            }
            v.add(new Description(text.toString()));
            v.add(new Url(URI.create(baseUrl + "/events/" + e.id)));
            v.add(e.status == EventStatus.CANCELLED ? new Status(Status.VALUE_CANCELLED)
                    : new Status(Status.VALUE_CONFIRMED));
            cal.add(v);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}

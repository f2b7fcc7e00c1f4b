package cn.keyida.portal.events;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The iCalendar feed of public events, for calendar programs to subscribe to. */
@Path("/events.ics")
public class EventFeed {

    private final EventViews views;
    private final EventCalendar calendar;

    EventFeed(EventViews views, EventCalendar calendar) {
        this.views = views;
        this.calendar = calendar;
    }

    @GET
    @Produces("text/calendar; charset=UTF-8")
    public Response feed() {
        return Response.ok(calendar.feed(views.feed())).build();
    }
}

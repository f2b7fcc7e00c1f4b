package cn.keyida.portal.events;

import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The public calendar (list and month view, no JavaScript needed), detail pages and registration. */
@Path("/events")
@Produces(MediaType.TEXT_HTML)
public class EventPages {

    private final EventViews views;
    private final EventService service;
    private final EventCalendar calendar;
    private final Viewer viewer;

    EventPages(EventViews views, EventService service, EventCalendar calendar, Viewer viewer) {
        this.views = views;
        this.service = service;
        this.calendar = calendar;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "events")
    static class Templates {
        static native TemplateInstance list(EventViews.PublicList l);

        static native TemplateInstance detail(EventViews.Detail d, String error, String notice);

        static native TemplateInstance rate(Registration r, Event e, String token, String error);
    }

    @GET
    public TemplateInstance list(@QueryParam("type") String type, @QueryParam("district") String district,
            @QueryParam("month") String month, @QueryParam("view") String view) {
        return Templates.list(views.publicList(new EventViews.Filters(type, district, month, view)));
    }

    @GET
    @Path("/{id: \\d+}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "registered" -> "报名成功，确认邮件已发送。";
            case "waitlisted" -> "名额已满，您已进入候补名单，递补后会邮件通知您。";
            case "cancelled" -> "已取消报名。";
            default -> null;
        };
        return Templates.detail(views.detail(id, subject()), null, notice);
    }

    @POST
    @Path("/{id: \\d+}/register")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            Registration r = service.register(id, viewer.subject(),
                    EventService.nameOf(viewer.subject(), viewer.displayName()), viewer.verifiedEmail());
            return Response.seeOther(URI.create("/events/" + id + "?done="
                    + (r.status == RegistrationStatus.REGISTERED ? "registered" : "waitlisted"))).build();
        } catch (InvalidInputException | ConflictException e) {
            return error(id, e);
        }
    }

    @POST
    @Path("/{id: \\d+}/cancel")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            service.cancelRegistration(id, viewer.subject(), viewer.auditName());
            return Response.seeOther(URI.create("/events/" + id + "?done=cancelled")).build();
        } catch (InvalidInputException | ConflictException e) {
            return error(id, e);
        }
    }

    @GET
    @Path("/{id: \\d+}/registration.ics")
    @Authenticated
    @Produces("text/calendar; charset=UTF-8")
    public Response ics(@PathParam("id") long id) {
        EventViews.Mine m = views.registration(id, viewer.subject());
        return Response.ok(calendar.registration(m.event(), m.registration()))
                .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"").build();
    }

    @GET
    @Path("/rate/{token}")
    public TemplateInstance ratePage(@PathParam("token") String token) {
        return views.ratingOf(token).map(r -> Templates.rate(r, views.event(r.eventId), token, null))
                .orElseGet(() -> Templates.rate(null, null, token, null));
    }

    /** Unknown links show a Chinese page saying so; a second answer is a 409 and changes nothing. */
    @POST
    @Path("/rate/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        if (views.ratingOf(token).isEmpty()) {
            return Response.ok(Templates.rate(null, null, token, null)).build();
        }
        try {
            Registration r = service.rate(token, form.getFirst("satisfaction"));
            return Response.ok(Templates.rate(r, views.event(r.eventId), token, null)).build();
        } catch (InvalidInputException | ConflictException e) {
            Registration r = views.ratingOf(token).orElseThrow();
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(Templates.rate(r, views.event(r.eventId), token, e.getMessage())).build();
        }
    }

    private Response error(long id, RuntimeException e) {
        return Response.status(e instanceof ConflictException ? 409 : 400)
                .entity(Templates.detail(views.detail(id, subject()), e.getMessage(), null)).build();
    }

    private String subject() {
        return viewer.isLoggedIn() ? viewer.subject() : null;
    }
}

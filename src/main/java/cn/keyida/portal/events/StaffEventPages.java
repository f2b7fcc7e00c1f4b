package cn.keyida.portal.events;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Map;

/** Staff create, publish, cancel and finish events, see who registered and check people in at the door. */
@Path("/staff/events")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffEventPages {

    private final EventViews views;
    private final EventService service;
    private final Viewer viewer;

    StaffEventPages(EventViews views, EventService service, Viewer viewer) {
        this.views = views;
        this.service = service;
        this.viewer = viewer;
    }

    public record Form(Map<String, String> values, Map<String, String> errors, java.util.List<EventType> types,
            java.util.List<Audience> audiences, java.util.List<String> districts) {}

    @CheckedTemplate(basePath = "events")
    static class Templates {
        static native TemplateInstance staffList(java.util.List<EventViews.StaffRow> rows);

        static native TemplateInstance form(Form f);

        static native TemplateInstance staffDetail(EventViews.StaffDetail d, Form f, String error);

        static native TemplateInstance checkin(EventViews.Checkin c, Map<String, String> errors, String error);
    }

    @GET
    public TemplateInstance list() {
        return Templates.staffList(views.staffList());
    }

    @GET
    @Path("/new")
    public TemplateInstance create() {
        return Templates.form(form(Map.of("capacity", "100", "audience", "ENTERPRISES"), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> f) {
        EventInput in = EventInput.of(f);
        try {
            Event e = service.create(in, viewer.auditName());
            return Response.seeOther(URI.create("/staff/events/" + e.id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.form(form(in.values(), e.errors()))).build();
        }
    }

    @GET
    @Path("/{id: \\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        EventViews.StaffDetail d = views.staffDetail(id, null);
        return Templates.staffDetail(d, form(d.values(), Map.of()), null);
    }

    @POST
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        EventInput in = EventInput.of(f);
        try {
            service.update(id, version(f), in, viewer.auditName());
            return Response.seeOther(URI.create("/staff/events/" + id)).build();
        } catch (FieldErrors e) {
            EventViews.StaffDetail d = views.staffDetail(id, in.values());
            return Response.status(400).entity(Templates.staffDetail(d, form(in.values(), e.errors()), null)).build();
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
    }

    @POST
    @Path("/{id: \\d+}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            service.publish(id, version(f), viewer.auditName());
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
        return Response.seeOther(URI.create("/staff/events/" + id)).build();
    }

    @POST
    @Path("/{id: \\d+}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            service.cancel(id, version(f), f.getFirst("reason"), viewer.auditName());
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
        return Response.seeOther(URI.create("/staff/events/" + id)).build();
    }

    @POST
    @Path("/{id: \\d+}/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finish(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            service.finish(id, version(f), viewer.auditName());
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
        return Response.seeOther(URI.create("/staff/events/" + id)).build();
    }

    /** A pairing started at a 供需对接会: an attendee and a presented market item become a market 对接 case. */
    @POST
    @Path("/{id: \\d+}/pairings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pairing(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            service.recordPairing(id, f.getFirst("item"), f.getFirst("registration"), viewer.auditName());
        } catch (FieldErrors e) {
            return failed(id, new InvalidInputException(String.join("；", e.errors().values())));
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
        return Response.seeOther(URI.create("/staff/events/" + id + "#pairings")).build();
    }

    /** The door: a phone-sized page; the QR code on the attendee's phone opens it with the code filled in. */
    @GET
    @Path("/{id: \\d+}/checkin")
    public TemplateInstance checkinPage(@PathParam("id") long id, @QueryParam("code") String code) {
        return Templates.checkin(views.checkin(id, code, null), Map.of(), null);
    }

    @POST
    @Path("/{id: \\d+}/checkin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkin(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        String code = f.getFirst("code");
        try {
            Registration r = service.checkIn(id, code, viewer.auditName());
            return Response.ok(Templates.checkin(views.checkin(id, "", r), Map.of(), null)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.checkin(views.checkin(id, code, null), e.errors(), null))
                    .build();
        } catch (InvalidInputException | ConflictException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(Templates.checkin(views.checkin(id, code, null), Map.of(), e.getMessage())).build();
        }
    }

    private Response failed(long id, RuntimeException e) {
        EventViews.StaffDetail d = views.staffDetail(id, null);
        return Response.status(e instanceof ConflictException ? 409 : 400)
                .entity(Templates.staffDetail(d, form(d.values(), Map.of()), e.getMessage())).build();
    }

    private static long version(MultivaluedMap<String, String> f) {
        try {
            return Long.parseLong(f.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("表单缺少版本号，请重新打开页面后再试。");
        }
    }

    private static Form form(Map<String, String> values, Map<String, String> errors) {
        return new Form(values, errors, java.util.List.of(EventType.values()), java.util.List.of(Audience.values()),
                cn.keyida.portal.enterprise.EnterpriseProfile.DISTRICTS);
    }
}

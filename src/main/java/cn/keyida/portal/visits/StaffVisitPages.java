package cn.keyida.portal.visits;

import cn.keyida.portal.needs.Need;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** 科惠达 service visits: plan, record, and raise needs on the enterprise's behalf. */
@Path("/staff/visits")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffVisitPages {

    private final VisitViews views;
    private final VisitService service;
    private final Viewer viewer;

    StaffVisitPages(VisitViews views, VisitService service, Viewer viewer) {
        this.views = views;
        this.service = service;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "visits")
    static class Templates {
        static native TemplateInstance overview(VisitViews.Overview o);

        static native TemplateInstance detail(VisitViews.Detail d, String notice);

        static native TemplateInstance enterprise(VisitViews.EnterpriseRecord r);
    }

    /** The enterprise's record of visits and the needs raised on them (linked from the staff need page). */
    @GET
    @Path("/enterprises/{id: \\d+}")
    public TemplateInstance enterprise(@PathParam("id") long id) {
        return Templates.enterprise(views.enterprise(id));
    }

    @GET
    public TemplateInstance overview() {
        return Templates.overview(views.overview(Map.of(), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(MultivaluedMap<String, String> f) {
        VisitService.Plan p = new VisitService.Plan(f.getFirst("enterprise"), f.getFirst("plannedOn"), f.getFirst("team"),
                f.getFirst("purpose"));
        try {
            Visit v = service.plan(p, viewer.auditName());
            return Response.seeOther(URI.create("/staff/visits/" + v.id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.overview(views.overview(values(f), e.errors()))).build();
        }
    }

    @GET
    @Path("/{id: \\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return Templates.detail(views.detail(id, Map.of(), Map.of(), null), null);
    }

    @POST
    @Path("/{id: \\d+}/record")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            service.record(id, version(f), new VisitService.Report(f.getFirst("visitedOn"), f.getFirst("participants"),
                    f.getFirst("findings"), f.getFirst("policiesExplained")));
            return Response.seeOther(URI.create("/staff/visits/" + id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.detail(views.detail(id, values(f), e.errors(), null), null)).build();
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
    }

    @POST
    @Path("/{id: \\d+}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            service.cancel(id, version(f));
            return Response.seeOther(URI.create("/staff/visits/" + id)).build();
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
    }

    @POST
    @Path("/{id: \\d+}/needs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raiseNeed(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            Need n = service.raiseNeed(id, f.getFirst("category"), f.getFirst("title"), f.getFirst("description"),
                    viewer.auditName());
            return Response.ok(Templates.detail(views.detail(id, Map.of(), Map.of(), null),
                    "已代企业提交需求 " + n.trackingNo + "，企业可在“我的需求”中查看。")).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.detail(views.detail(id, values(f), e.errors(), null), null)).build();
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e);
        }
    }

    private Response failed(long id, RuntimeException e) {
        return Response.status(e instanceof ConflictException ? 409 : 400)
                .entity(Templates.detail(views.detail(id, Map.of(), Map.of(), e.getMessage()), null)).build();
    }

    private static long version(MultivaluedMap<String, String> f) {
        try {
            return Long.parseLong(f.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("表单缺少版本号，请重新打开页面后再试。");
        }
    }

    private static Map<String, String> values(MultivaluedMap<String, String> f) {
        Map<String, String> v = new LinkedHashMap<>();
        f.forEach((k, list) -> v.put(k, list.isEmpty() || list.get(0) == null ? "" : list.get(0)));
        return v;
    }
}

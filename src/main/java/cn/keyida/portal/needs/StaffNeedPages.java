package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.Downloads;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The staff queue and the handling of one need. */
@Path("/staff/needs")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffNeedPages {

    private final NeedWorkflow workflow;
    private final NeedViews views;
    private final NeedExport export;
    private final PortalClock clock;
    private final Viewer viewer;

    StaffNeedPages(NeedWorkflow workflow, NeedViews views, NeedExport export, PortalClock clock, Viewer viewer) {
        this.workflow = workflow;
        this.views = views;
        this.export = export;
        this.clock = clock;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(NeedViews.Queue q);

        static native TemplateInstance detail(NeedViews.StaffDetail d, String error);
    }

    @GET
    public TemplateInstance queue(@Context UriInfo uri) {
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        return Templates.queue(views.queue(filters(p), NeedForms.page(p.getFirst("page"))));
    }

    /** The list's filters; the exports read the same ones, so they contain exactly what the list shows. */
    private static NeedViews.Filters filters(MultivaluedMap<String, String> p) {
        return new NeedViews.Filters(p.getFirst("status"), p.getFirst("category"), p.getFirst("district"),
                p.getFirst("assignee"), "true".equals(p.getFirst("overdue")), p.getFirst("from"), p.getFirst("to"),
                p.getFirst("sort"));
    }

    @GET
    @Path("/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response xlsx(@Context UriInfo uri) {
        return Downloads.export(export.xlsx(filters(uri.getQueryParameters())), "needs-" + stamp() + ".xlsx");
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@Context UriInfo uri) {
        boolean followUps = "followups".equals(uri.getQueryParameters().getFirst("table"));
        return Downloads.export(export.csv(filters(uri.getQueryParameters()), followUps),
                (followUps ? "followups-" : "needs-") + stamp() + ".csv");
    }

    private String stamp() {
        return clock.today().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    @GET
    @Path("/{id: \\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return Templates.detail(views.staffDetail(id), null);
    }

    @POST
    @Path("/{id: \\d+}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        String actor = viewer.auditName();
        try {
            switch (action) {
                case "accept" -> workflow.accept(id, NeedForms.version(form), form.getFirst("note"), actor);
                case "accept-take" -> workflow.acceptAndTake(id, NeedForms.version(form), form.getFirst("note"),
                        viewer.username(), actor);
                case "return" -> workflow.returnNeed(id, NeedForms.version(form), form.getFirst("reason"), actor);
                case "assign" -> workflow.assign(id, NeedForms.version(form), form.getFirst("assignee"),
                        form.getFirst("note"), actor);
                case "start" -> workflow.start(id, NeedForms.version(form), actor);
                case "ask" -> workflow.askInformation(id, NeedForms.version(form), form.getFirst("question"), actor);
                case "resolve" -> workflow.resolve(id, NeedForms.version(form), form.getFirst("resolution"), actor);
                case "callback" -> workflow.recordCallback(id, NeedForms.version(form), NeedForms.callback(form), actor);
                case "close" -> workflow.close(id, NeedForms.version(form), actor);
                case "followup" -> workflow.recordFollowUp(id, NeedForms.followUp(form), actor);
                default -> throw new NotFoundException();
            }
        } catch (InvalidInputException | ConflictException e) {
            int status = e instanceof ConflictException ? 409 : 400;
            return Response.status(status).entity(Templates.detail(views.staffDetail(id), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/needs/" + id)).build();
    }

    @GET
    @Path("/{id: \\d+}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachment") long attachment) {
        NeedAttachment a = views.staffAttachment(id, attachment);
        return Downloads.upload(a.fileName, a.contentType, a.data);
    }
}

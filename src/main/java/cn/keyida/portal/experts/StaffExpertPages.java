package cn.keyida.portal.experts;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.FieldErrors;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** Staff: the pool with its review decisions, and the experts on one need. */
@Path("/staff/experts")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffExpertPages {

    private final ExpertRegistry registry;
    private final AssignmentWorkflow workflow;
    private final ExpertViews views;
    private final Viewer viewer;

    StaffExpertPages(ExpertRegistry registry, AssignmentWorkflow workflow, ExpertViews views, Viewer viewer) {
        this.registry = registry;
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "experts")
    static class Templates {
        static native TemplateInstance staffList(ExpertViews.StaffList l);

        static native TemplateInstance staffDetail(ExpertViews.StaffDetail d, Map<String, String> errors, String error);

        static native TemplateInstance staffNeed(ExpertViews.StaffNeed n, Map<String, String> values,
                Map<String, String> errors, String error);
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("field") String field) {
        return Templates.staffList(views.staffList(status, field));
    }

    @GET
    @Path("/{poolExpert: \\d+}")
    public TemplateInstance detail(@PathParam("poolExpert") long id) {
        return Templates.staffDetail(views.staffDetail(id), Map.of(), null);
    }

    @POST
    @Path("/{poolExpert: \\d+}/{poolDecision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("poolExpert") long id, @PathParam("poolDecision") String decision,
            MultivaluedMap<String, String> form) {
        ExpertRegistry.Decision d = ExpertRegistry.Decision.of(decision).orElseThrow(NotFoundException::new);
        try {
            registry.decide(id, ExpertForms.version(form), d, form.getFirst("reason"), viewer.auditName());
        } catch (RuntimeException e) {
            if (!ExpertForms.handled(e)) {
                throw e;
            }
            return Response.status(ExpertForms.status(e)).entity(Templates.staffDetail(views.staffDetail(id),
                    e instanceof FieldErrors f ? f.errors() : Map.of(), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/experts/" + id)).build();
    }

    @GET
    @Path("/needs/{expertNeed: \\d+}")
    public TemplateInstance need(@PathParam("expertNeed") long needId, @QueryParam("field") String field) {
        return Templates.staffNeed(views.staffNeed(needId, field), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/needs/{expertNeed: \\d+}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("expertNeed") long needId, MultivaluedMap<String, String> form) {
        try {
            workflow.assign(needId, form.getFirst("expert"), form.getFirst("part"), viewer.auditName());
        } catch (RuntimeException e) {
            return failed(needId, form, e);
        }
        return Response.seeOther(URI.create("/staff/experts/needs/" + needId)).build();
    }

    @POST
    @Path("/needs/{expertNeed: \\d+}/assignments/{assignment: \\d+}/{staffAssignmentStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("expertNeed") long needId, @PathParam("assignment") long id, @PathParam("staffAssignmentStep") String step,
            MultivaluedMap<String, String> form) {
        try {
            switch (step) {
                case "forward" -> workflow.forward(needId, id, ExpertForms.version(form), viewer.auditName());
                case "withdraw" -> workflow.withdraw(needId, id, ExpertForms.version(form), form.getFirst("reason"),
                        viewer.auditName());
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            return failed(needId, form, e);
        }
        return Response.seeOther(URI.create("/staff/experts/needs/" + needId)).build();
    }

    private Response failed(long needId, MultivaluedMap<String, String> form, RuntimeException e) {
        if (!ExpertForms.handled(e)) {
            throw e;
        }
        return Response.status(ExpertForms.status(e)).entity(Templates.staffNeed(views.staffNeed(needId, null),
                ExpertForms.values(form), e instanceof FieldErrors f ? f.errors() : Map.of(),
                e instanceof FieldErrors ? null : e.getMessage())).build();
    }
}

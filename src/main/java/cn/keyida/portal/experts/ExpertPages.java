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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** The expert's side: home with assignments, registration and yearly confirmation, one assignment. */
@Path("/expert")
@RolesAllowed(Roles.EXPERT)
@Produces(MediaType.TEXT_HTML)
public class ExpertPages {

    private final ExpertRegistry registry;
    private final AssignmentWorkflow workflow;
    private final ExpertViews views;
    private final Viewer viewer;

    ExpertPages(ExpertRegistry registry, AssignmentWorkflow workflow, ExpertViews views, Viewer viewer) {
        this.registry = registry;
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "experts")
    static class Templates {
        static native TemplateInstance home(ExpertViews.Home h, String error);

        static native TemplateInstance profile(ExpertViews.Home h, Map<String, String> values, Map<String, String> errors,
                String error);

        static native TemplateInstance task(ExpertViews.Task t, Map<String, String> values, Map<String, String> errors,
                String error);
    }

    @GET
    public TemplateInstance home() {
        registry.claim(viewer.subject(), viewer.username());
        return Templates.home(views.home(viewer.subject(), viewer.username()), null);
    }

    @GET
    @Path("/profile")
    public TemplateInstance profile() {
        registry.claim(viewer.subject(), viewer.username());
        ExpertViews.Home h = views.home(viewer.subject(), viewer.username());
        return Templates.profile(h, ExpertForms.stored(h.expert()), Map.of(), null);
    }

    @POST
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form) {
        try {
            registry.register(viewer.subject(), viewer.username(), ExpertForms.input(form), viewer.auditName());
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.profile(views.home(viewer.subject(), viewer.username()),
                    ExpertForms.submitted(form), e.errors(), null)).build();
        } catch (ExpertConflict e) {
            ExpertViews.Home h = views.home(viewer.subject(), viewer.username());
            return Response.status(409).entity(Templates.profile(h, ExpertForms.stored(h.expert()), Map.of(),
                    e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/expert/profile")).build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> form) {
        try {
            registry.confirm(viewer.subject(), ExpertForms.version(form), viewer.auditName());
        } catch (ExpertConflict e) {
            return Response.status(409).entity(Templates.home(views.home(viewer.subject(), viewer.username()),
                    e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/expert")).build();
    }

    @GET
    @Path("/assignments/{assignment: \\d+}")
    public TemplateInstance task(@PathParam("assignment") long id) {
        return Templates.task(views.task(viewer.subject(), id), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/assignments/{assignment: \\d+}/{assignmentStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("assignment") long id, @PathParam("assignmentStep") String step, MultivaluedMap<String, String> form) {
        String me = viewer.subject();
        long version = ExpertForms.version(form);
        String actor = viewer.auditName();
        try {
            switch (step) {
                case "accept" -> workflow.accept(me, id, version, actor);
                case "decline" -> workflow.decline(me, id, version, form.getFirst("reason"), actor);
                case "advise" -> workflow.advise(me, id, version, form.getFirst("text"),
                        !"staff".equals(form.getFirst("audience")), actor);
                case "visit" -> workflow.recordVisit(me, id, version, form.getFirst("visitedOn"),
                        form.getFirst("visitText"), actor);
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!ExpertForms.handled(e)) {
                throw e;
            }
            return Response.status(ExpertForms.status(e)).entity(Templates.task(views.task(me, id),
                    ExpertForms.values(form), e instanceof FieldErrors f ? f.errors() : Map.of(),
                    e instanceof FieldErrors ? null : e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/expert/assignments/" + id)).build();
    }
}

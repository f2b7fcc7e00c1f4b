package cn.keyida.portal.projects;

import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.FieldErrors;
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
import java.util.List;
import java.util.Map;

/** The public side of the project pool: open calls (申报指南), a call's detail, and the 公示 list with objections. */
@Path("/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectPublicPages {

    private final ProjectViews views;
    private final ProjectWorkflow workflow;
    private final Viewer viewer;

    ProjectPublicPages(ProjectViews views, ProjectWorkflow workflow, Viewer viewer) {
        this.views = views;
        this.workflow = workflow;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "projects")
    static class Templates {
        static native TemplateInstance publicHome(List<ProjectViews.CallRow> calls);

        static native TemplateInstance publicCall(ProjectViews.PublicCall c);

        static native TemplateInstance publicity(List<ProjectViews.PublicityRow> rows, Map<String, String> errors,
                Long errorFor, String text, boolean filed);
    }

    @GET
    public TemplateInstance home() {
        return Templates.publicHome(views.openCalls());
    }

    @GET
    @Path("/calls/{projectCall: \\d+}")
    public TemplateInstance call(@PathParam("projectCall") long id) {
        return Templates.publicCall(views.publicCall(id));
    }

    @GET
    @Path("/publicity")
    public TemplateInstance publicity(@QueryParam("filed") boolean filed) {
        return Templates.publicity(views.publicity(), Map.of(), null, "", filed);
    }

    /** Anyone logged in may object (异议) while the 公示 period runs; after it, a Chinese error and nothing stored. */
    @POST
    @Authenticated
    @Path("/publicity/{projectApp: \\d+}/objection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response object(@PathParam("projectApp") long id, MultivaluedMap<String, String> form) {
        try {
            workflow.object(id, viewer.subject(), viewer.auditName(), form.getFirst("text"));
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.publicity(views.publicity(), e.errors(), id,
                    form.getFirst("text") == null ? "" : form.getFirst("text"), false)).build();
        }
        return Response.seeOther(URI.create("/projects/publicity?filed=true")).build();
    }
}

package cn.keyida.portal.experts;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.FieldErrors;
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
import java.util.Map;

/** The enterprise's view of an expert's advice on its need, and its one rating of the help. */
@Path("/my/advice")
@RolesAllowed(Roles.ENTERPRISE)
@Produces(MediaType.TEXT_HTML)
public class MyAdvicePages {

    private final AssignmentWorkflow workflow;
    private final ExpertViews views;
    private final Viewer viewer;

    MyAdvicePages(AssignmentWorkflow workflow, ExpertViews views, Viewer viewer) {
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "experts")
    static class Templates {
        static native TemplateInstance advice(ExpertViews.EnterpriseAdvice v, Map<String, String> values,
                Map<String, String> errors, String error);
    }

    @GET
    @Path("/{assignment: \\d+}")
    public TemplateInstance advice(@PathParam("assignment") long id) {
        return Templates.advice(views.enterpriseAdvice(viewer.subject(), id), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/{assignment: \\d+}/rate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("assignment") long id, MultivaluedMap<String, String> form) {
        try {
            workflow.rate(viewer.subject(), id, ExpertForms.version(form), form.getFirst("score"),
                    form.getFirst("comment"), viewer.auditName());
        } catch (RuntimeException e) {
            if (!ExpertForms.handled(e)) {
                throw e;
            }
            return Response.status(ExpertForms.status(e)).entity(Templates.advice(views.enterpriseAdvice(viewer.subject(), id),
                    ExpertForms.values(form), e instanceof FieldErrors f ? f.errors() : Map.of(),
                    e instanceof FieldErrors ? null : e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/my/advice/" + id)).build();
    }
}

package cn.keyida.portal.projects;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.Downloads;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The drawn expert's reviews: declare a conflict (or none) first, decline, then score the criteria. */
@Path("/expert/projects")
@RolesAllowed(Roles.EXPERT)
@Produces(MediaType.TEXT_HTML)
public class ExpertProjectPages {

    private final ProjectReviews reviews;
    private final ProjectViews views;
    private final Viewer viewer;

    ExpertProjectPages(ProjectReviews reviews, ProjectViews views, Viewer viewer) {
        this.reviews = reviews;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "projects")
    static class Templates {
        static native TemplateInstance expertHome(List<ProjectViews.ExpertRow> rows);

        static native TemplateInstance expertReview(ProjectViews.ReviewPage p, String error, Map<String, String> errors,
                List<String> scores, String comment);
    }

    @GET
    public TemplateInstance home() {
        return Templates.expertHome(views.expertHome(viewer.username()));
    }

    @GET
    @Path("/{projectReview: \\d+}")
    public TemplateInstance review(@PathParam("projectReview") long id) {
        return Templates.expertReview(views.review(viewer.username(), id), null, Map.of(), List.of(), "");
    }

    @POST
    @Path("/{projectReview: \\d+}/{projectExpertStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("projectReview") long id, @PathParam("projectExpertStep") String step,
            MultivaluedMap<String, String> form) {
        String me = viewer.username();
        views.review(me, id); // another expert's review is not found
        long version = ProjectInput.version(form.getFirst("version"));
        List<String> scores = form.get("score") == null ? List.of() : new ArrayList<>(form.get("score"));
        try {
            switch (step) {
                case "no-conflict" -> reviews.declareNoConflict(me, id, version, viewer.auditName());
                case "conflict" -> reviews.declareConflict(me, id, version, form.getFirst("note"), viewer.auditName());
                case "decline" -> reviews.decline(me, id, version, form.getFirst("reason"), viewer.auditName());
                case "score" -> reviews.score(me, id, version, scores, form.getFirst("comment"), viewer.auditName());
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!ProjectForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors fe ? fe.errors() : Map.of();
            return Response.status(ProjectForms.status(e)).entity(Templates.expertReview(views.review(me, id),
                    e instanceof FieldErrors ? null : e.getMessage(), errors, scores,
                    form.getFirst("comment") == null ? "" : form.getFirst("comment"))).build();
        }
        return Response.seeOther(URI.create("/expert/projects/" + id)).build();
    }

    @GET
    @Path("/{projectReview: \\d+}/files/{projectFile: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("projectReview") long id, @PathParam("projectFile") long file) {
        ProjectViews.ReviewPage p = views.review(viewer.username(), id);
        ProjectFile f = views.file(p.review().applicationId, file, null, viewer.username(), false);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

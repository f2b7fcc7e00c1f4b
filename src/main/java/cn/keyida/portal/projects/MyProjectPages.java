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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** The applicant's side (enterprises and institutions): the application form, submission, 补正, the timeline. */
@Path("/my/projects")
@RolesAllowed({Roles.ENTERPRISE, Roles.INSTITUTION})
@Produces(MediaType.TEXT_HTML)
public class MyProjectPages {

    private final ProjectWorkflow workflow;
    private final ProjectViews views;
    private final Viewer viewer;

    MyProjectPages(ProjectWorkflow workflow, ProjectViews views, Viewer viewer) {
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "projects")
    static class Templates {
        static native TemplateInstance myHome(ProjectViews.MyHome h);

        static native TemplateInstance applyForm(ProjectViews.FormPage p, Map<String, String> errors);

        static native TemplateInstance myDetail(ProjectViews.Detail d, String error, Map<String, String> errors);
    }

    private boolean institution() {
        return viewer.isInstitution() && !viewer.isEnterprise();
    }

    private Optional<ProjectWorkflow.Applicant> applicant() {
        return workflow.applicant(viewer.subject(), institution());
    }

    /** Where an applicant without a profile fills it in first. */
    private Response profileFirst(String next) {
        return Response.seeOther(URI.create(institution() ? "/my/institution" : "/my/profile?next=" + next)).build();
    }

    @GET
    public Response home() {
        if (applicant().isEmpty()) {
            return profileFirst("/my/projects");
        }
        return Response.ok(Templates.myHome(views.myHome(viewer.subject()))).build();
    }

    @GET
    @Path("/calls/{projectCall: \\d+}/apply")
    public Response applyForm(@PathParam("projectCall") long call) {
        if (applicant().isEmpty()) {
            return profileFirst("/my/projects/calls/" + call + "/apply");
        }
        return Response.ok(Templates.applyForm(views.formPage(viewer.subject(), call, null, null), Map.of())).build();
    }

    /** A new application: saved as a draft or submitted at once (button {@code intent=submit}). */
    @POST
    @Path("/apply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response apply(MultipartFormDataInput input) {
        ProjectForms.Posted f = ProjectForms.read(input);
        Long call = ProjectInput.id(f.get("call"));
        if (call == null) {
            throw new NotFoundException();
        }
        ProjectWorkflow.Applicant who = applicant().orElse(null);
        if (who == null) {
            return profileFirst("/my/projects/calls/" + call + "/apply");
        }
        try {
            ProjectApplication a = workflow.create(who, call, f.input(), f.files(), "submit".equals(f.get("intent")),
                    viewer.auditName());
            return Response.seeOther(URI.create("/my/projects/" + a.id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.applyForm(views.formPage(viewer.subject(), call, null,
                    f.redisplay()), e.errors())).build();
        }
    }

    @GET
    @Path("/{projectApp: \\d+}")
    public TemplateInstance detail(@PathParam("projectApp") long id, @QueryParam("saved") boolean saved) {
        return Templates.myDetail(views.myDetail(viewer.subject(), id), null, Map.of());
    }

    @GET
    @Path("/{projectApp: \\d+}/edit")
    public TemplateInstance editForm(@PathParam("projectApp") long id) {
        return Templates.applyForm(views.formPage(viewer.subject(), null, id, null), Map.of());
    }

    /** Saves the form of a draft or of a returned application (补正); {@code intent=submit} submits it too. */
    @POST
    @Path("/save")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response save(MultipartFormDataInput input) {
        ProjectForms.Posted f = ProjectForms.read(input);
        Long id = ProjectInput.id(f.get("application"));
        if (id == null) {
            throw new NotFoundException();
        }
        views.myDetail(viewer.subject(), id); // another applicant's application is not found
        try {
            workflow.edit(viewer.subject(), id, ProjectInput.version(f.get("version")), f.input(), f.files(),
                    "submit".equals(f.get("intent")), viewer.auditName());
            return Response.seeOther(URI.create("/my/projects/" + id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.applyForm(views.formPage(viewer.subject(), null, id,
                    f.redisplay()), e.errors())).build();
        } catch (ProjectConflictException e) {
            return Response.status(409).entity(Templates.myDetail(views.myDetail(viewer.subject(), id), e.getMessage(),
                    Map.of())).build();
        }
    }

    @POST
    @Path("/{projectApp: \\d+}/{projectApplicantStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("projectApp") long id, @PathParam("projectApplicantStep") String step,
            MultivaluedMap<String, String> form) {
        views.myDetail(viewer.subject(), id);
        long version = ProjectInput.version(form.getFirst("version"));
        try {
            switch (step) {
                case "submit" -> workflow.submit(viewer.subject(), id, version, viewer.auditName());
                case "withdraw" -> workflow.withdraw(viewer.subject(), id, version, viewer.auditName());
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!ProjectForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors fe ? fe.errors() : Map.of();
            return Response.status(ProjectForms.status(e)).entity(Templates.myDetail(views.myDetail(viewer.subject(), id),
                    e.getMessage(), errors)).build();
        }
        return Response.seeOther(URI.create("/my/projects/" + id)).build();
    }

    @GET
    @Path("/{projectApp: \\d+}/files/{projectFile: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("projectApp") long id, @PathParam("projectFile") long file) {
        ProjectFile f = views.file(id, file, viewer.subject(), null, false);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

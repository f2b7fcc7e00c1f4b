package cn.keyida.portal.projects;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.techfield.TechFields;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Staff: calls, the pool search, formal review, the reviewer draw and its audit, decisions, 公示 objections. */
@Path("/staff/projects")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffProjectPages {

    /** What the call form offers. */
    public record Options(List<String> programmes, List<TechFields.Field> fields, List<String> qualifications,
            List<String> districts, List<FileKind> fileKinds) {}

    private final ProjectCalls calls;
    private final ProjectWorkflow workflow;
    private final ReviewerDraws draws;
    private final ProjectViews views;
    private final TechFields techFields;
    private final Viewer viewer;

    StaffProjectPages(ProjectCalls calls, ProjectWorkflow workflow, ReviewerDraws draws, ProjectViews views,
            TechFields techFields, Viewer viewer) {
        this.calls = calls;
        this.workflow = workflow;
        this.draws = draws;
        this.views = views;
        this.techFields = techFields;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "projects")
    static class Templates {
        static native TemplateInstance staffHome(ProjectViews.Search s);

        static native TemplateInstance callForm(Options o, Map<String, String> values, Map<String, List<String>> lists,
                Map<String, String> errors);

        static native TemplateInstance staffCall(ProjectViews.CallPage p, String error, Map<String, String> errors);

        static native TemplateInstance drawAudit(ProjectViews.DrawPage p);

        static native TemplateInstance staffDetail(ProjectViews.Detail d, String error, Map<String, String> errors);
    }

    private Options options() {
        return new Options(ProjectCalls.PROGRAMMES, techFields.all(), EnterpriseProfile.QUALIFICATIONS,
                EnterpriseProfile.DISTRICTS, List.of(FileKind.values()));
    }

    /** The pool search: field, year, status, organisation, amount range, call. */
    @GET
    public TemplateInstance search(@Context UriInfo uri) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String k : List.of("field", "year", "status", "organisation", "min", "max", "call")) {
            String v = uri.getQueryParameters().getFirst(k);
            filter.put(k, v == null ? "" : v);
        }
        return Templates.staffHome(views.search(filter));
    }

    @GET
    @Path("/calls")
    public TemplateInstance newCall() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("criterionName", List.of("创新性与技术先进性", "技术路线可行性", "团队与基础条件", "经济社会效益"));
        lists.put("criterionWeight", List.of("30", "30", "20", "20"));
        lists.put("requiredFiles", List.of("PROPOSAL"));
        return Templates.callForm(options(), Map.of("reviewersPerField", "3", "reviewDays", "10", "publicityDays", "5"),
                lists, Map.of());
    }

    @POST
    @Path("/calls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCall(MultivaluedMap<String, String> f) {
        try {
            ProjectCall c = calls.create(new ProjectCalls.CallInput(f.getFirst("programme"), f.getFirst("title"),
                    f.getFirst("description"), all(f, "fields"), f.getFirst("totalBudget"), f.getFirst("maxGrant"),
                    f.getFirst("applyFrom"), f.getFirst("applyTo"), all(f, "qualifications"), all(f, "districts"),
                    all(f, "requiredFiles"), all(f, "criterionName"), all(f, "criterionWeight"),
                    f.getFirst("reviewersPerField"), f.getFirst("reviewDays"), f.getFirst("publicityDays")),
                    viewer.auditName());
            return Response.seeOther(URI.create("/staff/projects/calls/" + c.id)).build();
        } catch (FieldErrors e) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, List<String>> lists = new LinkedHashMap<>();
            f.forEach((k, v) -> {
                values.put(k, v.isEmpty() ? "" : v.get(0));
                lists.put(k, v);
            });
            return Response.status(400).entity(Templates.callForm(options(), values, lists, e.errors())).build();
        }
    }

    private static List<String> all(MultivaluedMap<String, String> f, String name) {
        List<String> v = f.get(name);
        return v == null ? List.of() : new ArrayList<>(v);
    }

    @GET
    @Path("/calls/{projectCall: \\d+}")
    public TemplateInstance call(@PathParam("projectCall") long id) {
        return Templates.staffCall(views.staffCall(id), null, Map.of());
    }

    @POST
    @Path("/calls/{projectCall: \\d+}/{projectCallStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response callStep(@PathParam("projectCall") long id, @PathParam("projectCallStep") String step,
            MultivaluedMap<String, String> form) {
        views.staffCall(id);
        long version = ProjectInput.version(form.getFirst("version"));
        try {
            switch (step) {
                case "publish" -> calls.move(id, version, CallStatus.Action.PUBLISH);
                case "close" -> calls.move(id, version, CallStatus.Action.CLOSE);
                case "publicity" -> workflow.startPublicity(id, viewer.auditName());
                case "draw" -> draws.drawField(id, form.getFirst("field"), form.getFirst("seed"), viewer.auditName());
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!ProjectForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors fe ? fe.errors() : Map.of();
            return Response.status(ProjectForms.status(e)).entity(Templates.staffCall(views.staffCall(id), e.getMessage(),
                    errors)).build();
        }
        return Response.seeOther(URI.create("/staff/projects/calls/" + id)).build();
    }

    /** A stored draw: seed, candidates, exclusions with reasons, the drawn order, and its replay compared. */
    @GET
    @Path("/draws/{projectDraw: \\d+}")
    public TemplateInstance draw(@PathParam("projectDraw") long id) {
        return Templates.drawAudit(views.draw(id));
    }

    @GET
    @Path("/{projectApp: \\d+}")
    public TemplateInstance detail(@PathParam("projectApp") long id) {
        return Templates.staffDetail(views.staffDetail(id), null, Map.of());
    }

    @POST
    @Path("/{projectApp: \\d+}/{projectStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("projectApp") long id, @PathParam("projectStep") String step,
            MultivaluedMap<String, String> form) {
        views.staffDetail(id);
        long version = ProjectInput.version(form.getFirst("version"));
        String note = form.getFirst("note");
        String actor = viewer.auditName();
        try {
            switch (step) {
                case "start-formal" -> workflow.startFormalReview(id, version, actor);
                case "pass-formal" -> workflow.passFormalReview(id, version, note, actor);
                case "return" -> workflow.returnForCorrection(id, version, note, form.getFirst("days"), actor);
                case "fail-formal" -> workflow.failFormalReview(id, version, note, actor);
                case "propose" -> workflow.decide(id, version, true, note, actor);
                case "reject" -> workflow.decide(id, version, false, note, actor);
                case "conclude" -> workflow.conclude(id, version, actor);
                case "midterm" -> workflow.progress(id, version, ProjectAction.START_MIDTERM, note, actor);
                case "acceptance" -> workflow.progress(id, version, ProjectAction.START_ACCEPTANCE, note, actor);
                case "pass-acceptance" -> workflow.progress(id, version, ProjectAction.PASS_ACCEPTANCE, note, actor);
                case "fail-acceptance" -> workflow.progress(id, version, ProjectAction.FAIL_ACCEPTANCE, note, actor);
                case "extend" -> workflow.progress(id, version, ProjectAction.EXTEND, note, actor);
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!ProjectForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors fe ? fe.errors() : Map.of();
            return Response.status(ProjectForms.status(e)).entity(Templates.staffDetail(views.staffDetail(id),
                    e.getMessage(), errors)).build();
        }
        return Response.seeOther(URI.create("/staff/projects/" + id)).build();
    }

    @POST
    @Path("/objections/{projectObjection: \\d+}/{projectObjectionStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response objection(@PathParam("projectObjection") long id, @PathParam("projectObjectionStep") String step,
            MultivaluedMap<String, String> form) {
        boolean upheld = switch (step) {
            case "uphold" -> true;
            case "dismiss" -> false;
            default -> throw new NotFoundException();
        };
        long applicationId = views.objectionApplication(id);
        try {
            workflow.handleObjection(id, ProjectInput.version(form.getFirst("version")), upheld, form.getFirst("note"),
                    viewer.auditName());
        } catch (RuntimeException e) {
            if (!ProjectForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors fe ? fe.errors() : Map.of();
            return Response.status(ProjectForms.status(e)).entity(Templates.staffDetail(views.staffDetail(applicationId),
                    e.getMessage(), errors)).build();
        }
        return Response.seeOther(URI.create("/staff/projects/" + applicationId)).build();
    }

    @GET
    @Path("/{projectApp: \\d+}/files/{projectFile: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("projectApp") long id, @PathParam("projectFile") long file) {
        ProjectFile f = views.file(id, file, null, null, true);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

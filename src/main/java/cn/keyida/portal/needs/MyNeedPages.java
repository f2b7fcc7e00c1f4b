package cn.keyida.portal.needs;

import cn.keyida.portal.web.RateLimited;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.Downloads;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The enterprise's needs: submit, follow, add information, withdraw, rate. Every lookup is scoped to
 * the logged-in enterprise: another enterprise's need is simply not found, by any URL.
 */
@Path("/my")
@RolesAllowed(Roles.ENTERPRISE)
@Produces(MediaType.TEXT_HTML)
public class MyNeedPages {

    private final NeedSubmission submission;
    private final NeedWorkflow workflow;
    private final NeedViews views;
    private final Viewer viewer;

    MyNeedPages(NeedSubmission submission, NeedWorkflow workflow, NeedViews views, Viewer viewer) {
        this.submission = submission;
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    public static class NeedForm {
        @RestForm public String category;
        @RestForm public String title;
        @RestForm public String description;
        @RestForm public String expectedOutcome;
        @RestForm public String budget;
        @RestForm public String wantedBy;
        @RestForm public String consent;
        @RestForm("files") public List<FileUpload> files;

        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("category", category);
            v.put("title", title);
            v.put("description", description);
            v.put("expectedOutcome", expectedOutcome);
            v.put("budget", budget);
            v.put("wantedBy", wantedBy);
            v.put("consent", consent);
            return v;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EnterpriseProfile profile, List<Need> needs);

        static native TemplateInstance form(List<NeedCategory> categories, Map<String, String> values,
                Map<String, String> errors, EnterpriseProfile profile);

        static native TemplateInstance detail(NeedViews.MyDetail d, boolean submitted, String error);
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/my/needs")).build();
    }

    /** The enterprise's start page; a new account (first login after registering) completes its profile first. */
    @GET
    @Path("/needs")
    public Response list() {
        NeedViews.MyList my = views.myList(viewer.subject());
        if (my.profile() == null && my.needs().isEmpty()) {
            return Response.seeOther(URI.create("/my/profile?next=/my/needs")).build();
        }
        return Response.ok(Templates.list(my.profile(), my.needs())).build();
    }

    @GET
    @Path("/needs/new")
    public Response newForm() {
        return views.newNeed(viewer.subject())
                .map(n -> Response.ok(Templates.form(n.categories(), Map.of(), Map.of(), n.profile())).build())
                .orElseGet(MyNeedPages::profileFirst);
    }

    @POST
    @Path("/needs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Budget.NEEDS)
    public Response submit(@BeanParam NeedForm form) {
        try {
            FieldErrors.Builder e = new FieldErrors.Builder();
            BigDecimal budget = parseBudget(form.budget, e);
            LocalDate wantedBy = parseDate(form.wantedBy, e);
            e.throwIfAny();
            NeedSubmission.Submission s = new NeedSubmission.Submission(form.category, form.title, form.description,
                    form.expectedOutcome, budget, wantedBy, "on".equals(form.consent) || "true".equals(form.consent));
            return submission.submit(viewer.subject(), s, uploads(form.files), viewer.auditName())
                    .map(n -> Response.seeOther(URI.create("/my/needs/" + n.trackingNo + "?submitted=true")).build())
                    .orElseGet(MyNeedPages::profileFirst);
        } catch (FieldErrors e) {
            return views.newNeed(viewer.subject()).map(n -> Response.status(400)
                            .entity(Templates.form(n.categories(), form.values(), e.errors(), n.profile())).build())
                    .orElseGet(MyNeedPages::profileFirst);
        }
    }

    private static Response profileFirst() {
        return Response.seeOther(URI.create("/my/profile?next=/my/needs/new")).build();
    }

    @GET
    @Path("/needs/{no}")
    public TemplateInstance detail(@PathParam("no") String no, @QueryParam("submitted") boolean submitted) {
        return Templates.detail(views.myDetail(no, viewer.subject()), submitted, null);
    }

    @POST
    @Path("/needs/{no}/info")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addInformation(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        return act(no, () -> workflow.addInformation(no, viewer.subject(), NeedForms.version(form), form.getFirst("text"),
                viewer.auditName()));
    }

    /** 确认 (no correction) or 更正 (with the enterprise's own text) of a need recorded on a visit. */
    @POST
    @Path("/needs/{no}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        String correction = "correct".equals(form.getFirst("answer")) ? form.getFirst("correction") : null;
        if ("correct".equals(form.getFirst("answer")) && (correction == null || correction.isBlank())) {
            return Response.status(400).entity(Templates.detail(views.myDetail(no, viewer.subject()), false,
                    "请填写更正后的需求内容。")).build();
        }
        return act(no, () -> workflow.confirmFromVisit(no, viewer.subject(), NeedForms.version(form), correction,
                viewer.auditName()));
    }

    @POST
    @Path("/needs/{no}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        return act(no, () -> workflow.withdraw(no, viewer.subject(), NeedForms.version(form), form.getFirst("reason"),
                viewer.auditName()));
    }

    @POST
    @Path("/needs/{no}/rate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        return act(no, () -> workflow.rateOnline(no, viewer.subject(), NeedForms.version(form), NeedForms.callback(form),
                viewer.auditName()));
    }

    @GET
    @Path("/needs/{no}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("no") String no, @PathParam("id") long id) {
        NeedAttachment a = views.myAttachment(no, viewer.subject(), id);
        return Downloads.upload(a.fileName, a.contentType, a.data);
    }

    private Response act(String no, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException | ConflictException e) {
            int status = e instanceof ConflictException ? 409 : 400;
            return Response.status(status).entity(Templates.detail(views.myDetail(no, viewer.subject()), false,
                    e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/my/needs/" + no)).build();
    }

    private static List<NeedSubmission.Upload> uploads(List<FileUpload> files) {
        List<NeedSubmission.Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (FileUpload f : files) {
            if (f.fileName() == null || f.fileName().isBlank()) {
                continue; // an empty file input
            }
            try {
                out.add(new NeedSubmission.Upload(f.fileName(), Files.readAllBytes(f.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static BigDecimal parseBudget(String value, FieldErrors.Builder e) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException ex) {
            e.add("budget", "预算应为数字（单位：万元）");
            return null;
        }
    }

    private static LocalDate parseDate(String value, FieldErrors.Builder e) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException ex) {
            e.add("wantedBy", "日期格式应为 年-月-日");
            return null;
        }
    }
}

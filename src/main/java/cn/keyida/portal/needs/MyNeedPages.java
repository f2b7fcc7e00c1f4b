package cn.keyida.portal.needs;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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

    private final NeedService needs;
    private final Viewer viewer;

    MyNeedPages(NeedService needs, Viewer viewer) {
        this.needs = needs;
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

    public record Detail(Need need, List<NeedEvent> timeline, List<FollowUp> replies, List<NeedAttachment> attachments,
            List<NeedCallback.Satisfaction> satisfactions, List<NeedCallback.Resolved> resolutions) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EnterpriseProfile profile, List<Need> needs);

        static native TemplateInstance form(List<NeedCategory> categories, Map<String, String> values,
                Map<String, String> errors, EnterpriseProfile profile);

        static native TemplateInstance detail(Detail d, boolean submitted, String error);
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/my/needs")).build();
    }

    @GET
    @Path("/needs")
    public TemplateInstance list() {
        return QuarkusTransaction.requiringNew().call(() -> {
            EnterpriseProfile profile = EnterpriseProfile.findBySubject(viewer.subject()).orElse(null);
            List<Need> list = profile == null ? List.of()
                    : Need.<Need>find("enterprise.id = ?1 order by id desc", profile.id).list();
            list.forEach(n -> n.category.name.length()); // load for the template
            return Templates.list(profile, list);
        });
    }

    @GET
    @Path("/needs/new")
    public Response newForm() {
        EnterpriseProfile profile = profile();
        return profile == null ? profileFirst() : Response.ok(Templates.form(categories(), Map.of(), Map.of(), profile)).build();
    }

    @POST
    @Path("/needs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@BeanParam NeedForm form) {
        try {
            FieldErrors.Builder e = new FieldErrors.Builder();
            BigDecimal budget = parseBudget(form.budget, e);
            LocalDate wantedBy = parseDate(form.wantedBy, e);
            e.throwIfAny();
            NeedService.Submission s = new NeedService.Submission(form.category, form.title, form.description,
                    form.expectedOutcome, budget, wantedBy, "on".equals(form.consent) || "true".equals(form.consent));
            return needs.submit(viewer.subject(), s, uploads(form.files), actor())
                    .map(n -> Response.seeOther(URI.create("/my/needs/" + n.trackingNo + "?submitted=true")).build())
                    .orElseGet(MyNeedPages::profileFirst);
        } catch (FieldErrors e) {
            EnterpriseProfile profile = profile();
            return profile == null ? profileFirst()
                    : Response.status(400).entity(Templates.form(categories(), form.values(), e.errors(), profile)).build();
        }
    }

    private static Response profileFirst() {
        return Response.seeOther(URI.create("/my/profile?next=/my/needs/new")).build();
    }

    @GET
    @Path("/needs/{no}")
    public TemplateInstance detail(@PathParam("no") String no, @QueryParam("submitted") boolean submitted) {
        return QuarkusTransaction.requiringNew().call(() -> Templates.detail(detailOf(own(no)), submitted, null));
    }

    @POST
    @Path("/needs/{no}/info")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addInformation(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        return act(no, need -> needs.addInformation(need, version(form), form.getFirst("text"), actor()));
    }

    @POST
    @Path("/needs/{no}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        return act(no, need -> needs.withdraw(need, version(form), form.getFirst("reason"), actor()));
    }

    @POST
    @Path("/needs/{no}/rate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("no") String no, MultivaluedMap<String, String> form) {
        return act(no, need -> needs.rateOnline(need, version(form), CallbackPages.input(form), actor()));
    }

    @GET
    @Path("/needs/{no}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("no") String no, @PathParam("id") long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Need need = own(no);
            NeedAttachment a = NeedAttachment.<NeedAttachment>find("id = ?1 and needId = ?2", id, need.id)
                    .firstResultOptional().orElseThrow(NotFoundException::new);
            return StaffNeedPages.download(a);
        });
    }

    private Response act(String no, java.util.function.Consumer<Need> action) {
        try {
            QuarkusTransaction.requiringNew().run(() -> action.accept(own(no)));
        } catch (InvalidInputException | NeedConflictException e) {
            int status = e instanceof NeedConflictException ? 409 : 400;
            return Response.status(status).entity(QuarkusTransaction.requiringNew().call(() ->
                    Templates.detail(detailOf(own(no)), false, e.getMessage()))).build();
        }
        return Response.seeOther(URI.create("/my/needs/" + no)).build();
    }

    private Detail detailOf(Need need) {
        need.category.name.length();
        need.enterprise.name.length();
        return new Detail(need, NeedEvent.timeline(need.id, true), FollowUp.forNeed(need.id, true),
                NeedAttachment.forNeed(need.id), List.of(NeedCallback.Satisfaction.values()),
                List.of(NeedCallback.Resolved.values()));
    }

    /** The need with this number if it belongs to the logged-in enterprise; 404 otherwise. */
    private Need own(String no) {
        return Need.<Need>find("trackingNo = ?1 and enterprise.subject = ?2", no, viewer.subject())
                .firstResultOptional().orElseThrow(() -> new NotFoundException("未找到该需求"));
    }

    private EnterpriseProfile profile() {
        return QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.findBySubject(viewer.subject()).orElse(null));
    }

    private static List<NeedCategory> categories() {
        return QuarkusTransaction.requiringNew().call(NeedCategory::listActive);
    }

    private NeedService.Actor actor() {
        return new NeedService.Actor(viewer.username(), viewer.displayName());
    }

    static long version(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(form.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("页面已过期，请刷新后重试");
        }
    }

    private static List<NeedService.Upload> uploads(List<FileUpload> files) {
        List<NeedService.Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (FileUpload f : files) {
            if (f.fileName() == null || f.fileName().isBlank()) {
                continue; // an empty file input
            }
            try {
                out.add(new NeedService.Upload(f.fileName(), Files.readAllBytes(f.uploadedFile())));
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

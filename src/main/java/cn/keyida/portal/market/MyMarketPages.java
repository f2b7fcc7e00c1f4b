package cn.keyida.portal.market;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.Downloads;
import cn.keyida.portal.web.FieldErrors;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The publisher's side of the market (enterprises and institutions): their demands and achievements,
 * the candidates found for them, the 对接 cases they are a side of, and the institution profile.
 */
@Path("/my")
@RolesAllowed({Roles.ENTERPRISE, Roles.INSTITUTION})
@Produces(MediaType.TEXT_HTML)
public class MyMarketPages {

    private final MarketWorkflow workflow;
    private final MarketMatching matching;
    private final CaseWorkflow cases;
    private final MarketViews views;
    private final InstitutionService institutions;
    private final Viewer viewer;
    private final NeedConversion conversion;
    private final MarketAttachments attachments;

    MyMarketPages(MarketWorkflow workflow, MarketMatching matching, CaseWorkflow cases, MarketViews views,
            InstitutionService institutions, Viewer viewer, NeedConversion conversion, MarketAttachments attachments) {
        this.conversion = conversion;
        this.attachments = attachments;
        this.workflow = workflow;
        this.matching = matching;
        this.cases = cases;
        this.views = views;
        this.institutions = institutions;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(MarketViews.Mine m, boolean institution);

        static native TemplateInstance form(MarketViews.Form f, String error);

        static native TemplateInstance own(MarketViews.Detail d, String error);

        static native TemplateInstance ownCase(MarketViews.CaseDetail d, boolean demandSide, String error);

        static native TemplateInstance institution(Map<String, String> values, Map<String, String> errors,
                java.util.List<String> kinds, boolean saved);
    }

    private MarketWorkflow.OwnerKind ownerKind() {
        return viewer.isInstitution() ? MarketWorkflow.OwnerKind.INSTITUTION : MarketWorkflow.OwnerKind.ENTERPRISE;
    }

    @GET
    @Path("/market")
    public TemplateInstance mine() {
        return Templates.mine(views.mine(viewer.subject()), viewer.isInstitution());
    }

    @GET
    @Path("/market/new")
    public Response newForm(@QueryParam("kind") String kind) {
        MarketKind k = kind(kind);
        if (ownerKind() == MarketWorkflow.OwnerKind.INSTITUTION && institutions.find(viewer.subject()).isEmpty()) {
            return Response.seeOther(URI.create("/my/institution")).build();
        }
        if (ownerKind() == MarketWorkflow.OwnerKind.ENTERPRISE && !views.hasEnterpriseProfile(viewer.subject())) {
            return Response.seeOther(URI.create("/my/profile?next=" + java.net.URLEncoder.encode(
                    "/my/market/new?kind=" + k.type, java.nio.charset.StandardCharsets.UTF_8))).build();
        }
        return Response.ok(Templates.form(views.newForm(k, Map.of(), Map.of()), null)).build();
    }

    @POST
    @Path("/market/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        MarketKind k = kind(form.getFirst("kind"));
        Map<String, String> values = MarketForms.values(form);
        try {
            MarketItem item = workflow.create(k, ownerKind(), viewer.subject(), values, viewer.auditName());
            if ("true".equals(form.getFirst("submit"))) {
                workflow.submit(item.id, viewer.subject(), item.version, viewer.auditName());
            }
            return Response.seeOther(URI.create("/my/market/" + item.id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.form(views.newForm(k, values, e.errors()), null)).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.form(views.newForm(k, values, Map.of()), e.getMessage())).build();
        }
    }

    @GET
    @Path("/market/{id: \\d+}")
    public TemplateInstance own(@PathParam("id") long id) {
        return Templates.own(views.own(id, viewer.subject(), true), null);
    }

    @GET
    @Path("/market/{id: \\d+}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        return Templates.form(views.editForm(id, viewer.subject(), null, Map.of()), null);
    }

    @POST
    @Path("/market/{id: \\d+}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Map<String, String> values = MarketForms.values(form);
        try {
            workflow.edit(id, viewer.subject(), MarketForms.version(form), values, viewer.auditName());
            return Response.seeOther(URI.create("/my/market/" + id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.form(views.editForm(id, viewer.subject(), values, e.errors()), null)).build();
        } catch (InvalidInputException | ConflictException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(Templates.form(views.editForm(id, viewer.subject(), values, Map.of()), e.getMessage())).build();
        }
    }

    @POST
    @Path("/market/{id: \\d+}/{ownerAction: submit|takedown}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("ownerAction") String action, MultivaluedMap<String, String> form) {
        try {
            long version = MarketForms.version(form);
            if (action.equals("submit")) {
                workflow.submit(id, viewer.subject(), version, viewer.auditName());
            } else {
                workflow.takeDownOwn(id, viewer.subject(), version, form.getFirst("reason"), viewer.auditName());
            }
        } catch (InvalidInputException | ConflictException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(Templates.own(views.own(id, viewer.subject(), true), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/my/market/" + id)).build();
    }

    /** The upload form of an achievement's files (one fixed path: the upload limit holds for it alone). */
    public static class UploadForm {
        @RestForm public String item;
        @RestForm("files") public List<FileUpload> files;
    }

    @POST
    @Path("/market/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(UploadForm form) {
        long id;
        try {
            id = Long.parseLong(form.item);
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFoundException();
        }
        List<MarketAttachments.Upload> uploads = new ArrayList<>();
        for (FileUpload f : form.files == null ? List.<FileUpload>of() : form.files) {
            if (f.fileName() == null || f.fileName().isBlank()) {
                continue; // an empty file input
            }
            try {
                uploads.add(new MarketAttachments.Upload(f.fileName(), Files.readAllBytes(f.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            attachments.add(id, viewer.subject(), uploads, viewer.auditName());
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.own(views.own(id, viewer.subject(), true), e.errors().get("files")))
                    .build();
        }
        return Response.seeOther(URI.create("/my/market/" + id + "#files")).build();
    }

    @POST
    @Path("/market/{id: \\d+}/files/{marketFile: \\d+}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteFile(@PathParam("id") long id, @PathParam("marketFile") long file) {
        attachments.delete(id, file, viewer.subject(), viewer.auditName());
        return Response.seeOther(URI.create("/my/market/" + id + "#files")).build();
    }

    @GET
    @Path("/market/{id: \\d+}/files/{marketFile: \\d+}")
    public Response file(@PathParam("id") long id, @PathParam("marketFile") long file) {
        MarketAttachments.File f = attachments.file(id, file, MarketAttachments.Reader.OWNER, viewer.subject());
        return Downloads.upload(f.fileName(), f.contentType(), f.data());
    }

    /** The enterprise consents to the publication of the demand staff drafted from its need. */
    @POST
    @Path("/market/{id: \\d+}/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            conversion.consent(id, viewer.subject(), MarketForms.version(form), viewer.auditName());
        } catch (InvalidInputException | ConflictException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(Templates.own(views.own(id, viewer.subject(), true), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/my/market/" + id)).build();
    }

    @POST
    @Path("/market/matches/{id: \\d+}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        matching.feedback(id, viewer.subject(), form.getFirst("value"));
        return Response.seeOther(URI.create("/my/market#matches")).build();
    }

    /** 申请对接 on a published item of the other side. */
    @POST
    @Path("/market/request/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        MarketCase c = cases.request(id, viewer.subject(), ownerKind(), form.getFirst("note"), viewer.auditName());
        return Response.seeOther(URI.create("/my/market/cases/" + c.id)).build();
    }

    @GET
    @Path("/market/cases/{id: \\d+}")
    public TemplateInstance ownCase(@PathParam("id") long id) {
        MarketViews.CaseDetail d = views.caseForParty(id, viewer.subject());
        return Templates.ownCase(d, viewer.subject().equals(d.c().demandSubject), null);
    }

    @POST
    @Path("/market/cases/{id: \\d+}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            cases.confirm(id, viewer.subject(), MarketForms.version(form), viewer.auditName());
        } catch (InvalidInputException | ConflictException e) {
            MarketViews.CaseDetail d = views.caseForParty(id, viewer.subject());
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(Templates.ownCase(d, viewer.subject().equals(d.c().demandSubject), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/my/market/cases/" + id)).build();
    }

    @GET
    @Path("/institution")
    @RolesAllowed(Roles.INSTITUTION)
    public TemplateInstance institution(@QueryParam("saved") boolean saved) {
        return Templates.institution(institutions.form(viewer.subject()), Map.of(), InstitutionProfile.KINDS, saved);
    }

    @POST
    @Path("/institution")
    @RolesAllowed(Roles.INSTITUTION)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveInstitution(MultivaluedMap<String, String> form) {
        Map<String, String> values = MarketForms.values(form);
        try {
            Long version = form.getFirst("version") == null || form.getFirst("version").isBlank() ? null
                    : MarketForms.version(form);
            institutions.save(viewer.subject(), values, version);
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.institution(values, e.errors(), InstitutionProfile.KINDS, false)).build();
        }
        return Response.seeOther(URI.create("/my/institution?saved=true")).build();
    }

    private MarketKind kind(String kind) {
        MarketKind k = "demand".equals(kind) ? MarketKind.DEMAND
                : "achievement".equals(kind) || kind == null ? MarketKind.ACHIEVEMENT : null;
        if (k == null) {
            throw new NotFoundException();
        }
        if (k == MarketKind.DEMAND && viewer.isInstitution() && !viewer.isEnterprise()) {
            throw new InvalidInputException("技术需求由企业发布；高校和科研院所可发布科技成果");
        }
        return k;
    }

}

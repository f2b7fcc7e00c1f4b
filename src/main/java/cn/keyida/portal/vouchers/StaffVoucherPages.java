package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
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
import java.util.List;
import java.util.Map;

/** Staff: batches and their dashboards, provider review, application review, approval and payment. */
@Path("/staff/vouchers")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffVoucherPages {

    public record BatchOptions(List<Category> categories, List<String> qualifications, List<String> districts,
            List<RedemptionBy> redemptionBy) {}

    static final BatchOptions OPTIONS = new BatchOptions(List.of(Category.values()), EnterpriseProfile.QUALIFICATIONS,
            EnterpriseProfile.DISTRICTS, List.of(RedemptionBy.values()));

    private final VoucherWorkflow workflow;
    private final ProviderRegistry registry;
    private final VoucherViews views;
    private final VoucherExport export;
    private final PortalClock clock;
    private final Viewer viewer;

    StaffVoucherPages(VoucherWorkflow workflow, ProviderRegistry registry, VoucherViews views, VoucherExport export,
            PortalClock clock, Viewer viewer) {
        this.workflow = workflow;
        this.registry = registry;
        this.views = views;
        this.export = export;
        this.clock = clock;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "vouchers")
    static class Templates {
        static native TemplateInstance staffHome(VoucherViews.StaffHome h, String error);

        /** {@code batch}: the batch edited, or null for a new one. */
        static native TemplateInstance batchForm(BatchOptions o, VoucherBatch batch, Map<String, String> values,
                List<String> checked, Map<String, String> errors);

        static native TemplateInstance dashboard(VoucherViews.Dashboard d, String error);

        static native TemplateInstance staffDetail(VoucherViews.Detail d, Map<String, String> values,
                Map<String, String> errors, String error);
    }

    @GET
    public TemplateInstance home() {
        return Templates.staffHome(views.staffHome(), null);
    }

    @GET
    @Path("/batches/new")
    public TemplateInstance newBatch() {
        return Templates.batchForm(OPTIONS, null, Map.of("ratioPercent", "50", "validDays", "90"), List.of(), Map.of());
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createBatch(MultivaluedMap<String, String> form) {
        try {
            VoucherBatch b = workflow.createBatch(batchInput(form), viewer.auditName());
            return Response.seeOther(URI.create("/staff/vouchers/batches/" + b.id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(batchForm(null, form, e.errors())).build();
        }
    }

    @GET
    @Path("/batches/{batch: \\d+}/edit")
    public TemplateInstance editForm(@PathParam("batch") long id) {
        VoucherBatch b = views.batch(id);
        Map<String, String> values = new java.util.HashMap<>();
        values.put("name", b.name);
        values.put("totalBudget", b.totalBudget.toPlainString());
        values.put("annualCap", b.annualCap.toPlainString());
        values.put("ratioPercent", b.ratioPercent.stripTrailingZeros().toPlainString());
        values.put("applyFrom", b.applyFrom.toString());
        values.put("applyTo", b.applyTo.toString());
        values.put("useUntil", b.useUntil.toString());
        values.put("validDays", String.valueOf(b.validDays));
        values.put("expertThreshold", b.expertThreshold == null ? "" : b.expertThreshold.toPlainString());
        values.put("redemptionBy", b.redemptionBy.name());
        List<String> checked = new java.util.ArrayList<>(VoucherBatch.split(b.categories));
        checked.addAll(b.qualificationList());
        checked.addAll(b.districtList());
        return Templates.batchForm(OPTIONS, b, values, checked, Map.of());
    }

    @POST
    @Path("/batches/{batch: \\d+}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editBatch(@PathParam("batch") long id, MultivaluedMap<String, String> form) {
        try {
            workflow.editBatch(id, VoucherInput.version(form.getFirst("version")), batchInput(form));
            return Response.seeOther(URI.create("/staff/vouchers/batches/" + id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(batchForm(views.batch(id), form, e.errors())).build();
        } catch (VoucherConflict e) {
            return Response.status(409).entity(Templates.dashboard(views.dashboard(id), e.getMessage())).build();
        }
    }

    private static TemplateInstance batchForm(VoucherBatch batch, MultivaluedMap<String, String> form,
            Map<String, String> errors) {
        List<String> checked = new java.util.ArrayList<>();
        checked.addAll(VoucherForms.all(form, "categories"));
        checked.addAll(VoucherForms.all(form, "qualifications"));
        checked.addAll(VoucherForms.all(form, "districts"));
        return Templates.batchForm(OPTIONS, batch, VoucherForms.values(form), checked, errors);
    }

    private static VoucherWorkflow.BatchInput batchInput(MultivaluedMap<String, String> f) {
        return new VoucherWorkflow.BatchInput(f.getFirst("name"), f.getFirst("totalBudget"), f.getFirst("annualCap"),
                f.getFirst("ratioPercent"), VoucherForms.all(f, "categories"), VoucherForms.all(f, "qualifications"),
                VoucherForms.all(f, "districts"), f.getFirst("applyFrom"), f.getFirst("applyTo"),
                f.getFirst("useUntil"), f.getFirst("validDays"), f.getFirst("expertThreshold"), f.getFirst("redemptionBy"));
    }

    @GET
    @Path("/batches/{batch: \\d+}")
    public TemplateInstance dashboard(@PathParam("batch") long id) {
        return Templates.dashboard(views.dashboard(id), null);
    }

    @POST
    @Path("/batches/{batch: \\d+}/{batchStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveBatch(@PathParam("batch") long id, @PathParam("batchStep") String step,
            MultivaluedMap<String, String> form) {
        BatchStatus.Action action = switch (step) {
            case "open" -> BatchStatus.Action.OPEN;
            case "close" -> BatchStatus.Action.CLOSE;
            default -> throw new NotFoundException();
        };
        try {
            workflow.moveBatch(id, VoucherInput.version(form.getFirst("version")), action);
        } catch (VoucherConflict e) {
            return Response.status(409).entity(Templates.dashboard(views.dashboard(id), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/vouchers/batches/" + id)).build();
    }

    @GET
    @Path("/batches/{batch: \\d+}/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response xlsx(@PathParam("batch") long id) {
        return Downloads.export(export.xlsx(id), "vouchers-" + id + "-"
                + clock.today().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
    }

    @POST
    @Path("/providers/{provider: \\d+}/{reviewStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewProvider(@PathParam("provider") long id, @PathParam("reviewStep") String step,
            MultivaluedMap<String, String> form) {
        boolean approve = switch (step) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw new NotFoundException();
        };
        try {
            registry.review(id, VoucherInput.version(form.getFirst("version")), approve, form.getFirst("note"));
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            return Response.status(VoucherForms.status(e)).entity(Templates.staffHome(views.staffHome(), e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/staff/vouchers")).build();
    }

    @GET
    @Path("/{voucher: \\d+}")
    public TemplateInstance detail(@PathParam("voucher") long id) {
        return Templates.staffDetail(views.staffDetail(id), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/{voucher: \\d+}/{staffStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("voucher") long id, @PathParam("staffStep") String step,
            MultivaluedMap<String, String> form) {
        views.staffDetail(id);
        long version = VoucherInput.version(form.getFirst("version"));
        String actor = viewer.auditName();
        try {
            switch (step) {
                case "review" -> workflow.startReview(id, version, actor);
                case "experts" -> workflow.requestExperts(id, version, form.getFirst("expertA"), form.getFirst("expertB"),
                        actor);
                case "approve" -> workflow.approve(id, version, form.getFirst("approvedAmount"), actor);
                case "reject" -> workflow.reject(id, version, form.getFirst("reason"), actor);
                case "pay" -> workflow.pay(id, version, form.getFirst("redemptionAmount"), form.getFirst("paidOn"),
                        form.getFirst("paymentReference"), actor);
                case "return" -> workflow.returnRedemption(id, version, form.getFirst("reason"), actor);
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors f ? f.errors() : Map.of();
            return Response.status(VoucherForms.status(e)).entity(Templates.staffDetail(views.staffDetail(id),
                    VoucherForms.values(form), errors, e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/vouchers/" + id)).build();
    }

    @GET
    @Path("/{voucher: \\d+}/files/{file: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("voucher") long id, @PathParam("file") long file) {
        VoucherFile f = views.file(id, file, null, true);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

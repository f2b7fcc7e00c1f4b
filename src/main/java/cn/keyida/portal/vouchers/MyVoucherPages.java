package cn.keyida.portal.vouchers;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.Downloads;
import cn.keyida.portal.web.FieldErrors;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The enterprise's vouchers: open batches, the application with its computed amount, acceptance, cancelling. */
@Path("/my/vouchers")
@RolesAllowed(Roles.ENTERPRISE)
@Produces(MediaType.TEXT_HTML)
public class MyVoucherPages {

    private final VoucherWorkflow workflow;
    private final VoucherViews views;
    private final Viewer viewer;

    MyVoucherPages(VoucherWorkflow workflow, VoucherViews views, Viewer viewer) {
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "vouchers")
    static class Templates {
        static native TemplateInstance myHome(VoucherViews.MyHome h);

        static native TemplateInstance apply(VoucherViews.ApplyPage p, Map<String, String> values,
                Map<String, String> errors);

        static native TemplateInstance myDetail(VoucherViews.Detail d, Map<String, String> values,
                Map<String, String> errors, String error);
    }

    public static class ApplicationForm {
        @RestForm public String batchId;
        @RestForm public String providerId;
        @RestForm public String offerId;
        @RestForm public String category;
        @RestForm public String serviceText;
        @RestForm public String quoteAmount;
        @RestForm public String legalRepresentative;
        @RestForm public String contactMobile;
        @RestForm("quote") public FileUpload quote;

        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("batchId", batchId);
            v.put("providerId", providerId);
            v.put("offerId", offerId);
            v.put("category", category);
            v.put("serviceText", serviceText);
            v.put("quoteAmount", quoteAmount);
            v.put("legalRepresentative", legalRepresentative);
            v.put("contactMobile", contactMobile);
            v.values().removeIf(x -> x == null);
            return v;
        }
    }

    @GET
    public Response home() {
        VoucherViews.MyHome h = views.myHome(viewer.subject());
        if (!h.hasProfile()) {
            return Response.seeOther(URI.create("/my/profile?next=/my/vouchers")).build();
        }
        return Response.ok(Templates.myHome(h)).build();
    }

    /** The application form; {@code ?amount=} shows the amount computation for that contract amount (试算). */
    @GET
    @Path("/batches/{batch: \\d+}/apply")
    public Response applyForm(@PathParam("batch") long batch, @QueryParam("amount") String amount) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        BigDecimal quote = amount == null || amount.isBlank() ? null
                : VoucherInput.money(e, "quoteAmount", "预计合同金额", amount, VoucherInput.AMOUNT_MAX, false);
        Map<String, String> values = new LinkedHashMap<>();
        if (amount != null) {
            values.put("quoteAmount", amount);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!e.isEmpty()) {
            try {
                e.throwIfAny();
            } catch (FieldErrors x) {
                errors.putAll(x.errors());
            }
        }
        return views.applyPage(viewer.subject(), batch, quote)
                .map(p -> Response.status(errors.isEmpty() ? 200 : 400).entity(Templates.apply(p, values, errors)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/my/profile?next=/my/vouchers")).build());
    }

    @POST
    @Path("/apply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response apply(@BeanParam ApplicationForm form) {
        try {
            Voucher v = workflow.apply(viewer.subject(), new VoucherWorkflow.ApplicationInput(form.batchId,
                    form.providerId, form.offerId, form.category, form.serviceText, form.quoteAmount,
                    form.legalRepresentative, form.contactMobile), VoucherForms.upload(form.quote), viewer.auditName());
            return Response.seeOther(URI.create("/my/vouchers/" + v.id)).build();
        } catch (FieldErrors e) {
            Long batch = VoucherInput.id(form.batchId);
            if (batch == null) {
                throw new NotFoundException();
            }
            return views.applyPage(viewer.subject(), batch, null)
                    .map(p -> Response.status(400).entity(Templates.apply(p, form.values(), e.errors())).build())
                    .orElseGet(() -> Response.seeOther(URI.create("/my/profile?next=/my/vouchers")).build());
        }
    }

    @GET
    @Path("/{voucher: \\d+}")
    public TemplateInstance detail(@PathParam("voucher") long id) {
        return Templates.myDetail(views.myDetail(viewer.subject(), id), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/{voucher: \\d+}/{myStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("voucher") long id, @PathParam("myStep") String step,
            MultivaluedMap<String, String> form) {
        views.myDetail(viewer.subject(), id); // another enterprise's voucher is not found, whatever the step
        long version = VoucherInput.version(form.getFirst("version"));
        try {
            switch (step) {
                case "accept" -> workflow.acceptDelivery(viewer.subject(), id, version, viewer.auditName());
                case "cancel" -> workflow.cancel(viewer.subject(), id, version, viewer.auditName());
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            return failed(id, Map.of(), e);
        }
        return Response.seeOther(URI.create("/my/vouchers/" + id)).build();
    }

    /** Redemption requested by the enterprise, in a batch whose rule says so. */
    @POST
    @Path("/redeem")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response redeem(@BeanParam VoucherForms.RedemptionForm form) {
        Long id = VoucherInput.id(form.voucher);
        if (id == null) {
            throw new NotFoundException();
        }
        views.myDetail(viewer.subject(), id);
        try {
            workflow.requestRedemptionByEnterprise(viewer.subject(), id, VoucherInput.version(form.version),
                    form.invoiceAmount, VoucherForms.upload(form.invoice), VoucherForms.upload(form.acceptance),
                    viewer.auditName());
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            return failed(id, form.values(), e);
        }
        return Response.seeOther(URI.create("/my/vouchers/" + id)).build();
    }

    private Response failed(long id, Map<String, String> values, RuntimeException e) {
        Map<String, String> errors = e instanceof FieldErrors f ? f.errors() : Map.of();
        return Response.status(VoucherForms.status(e)).entity(Templates.myDetail(
                views.myDetail(viewer.subject(), id), values, errors, e.getMessage())).build();
    }

    @GET
    @Path("/{voucher: \\d+}/files/{file: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("voucher") long id, @PathParam("file") long file) {
        VoucherFile f = views.file(id, file, viewer.subject(), false);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The provider's side: registration and catalogue, its vouchers, contract, delivery and redemption. */
@Path("/provider")
@RolesAllowed(Roles.PROVIDER)
@Produces(MediaType.TEXT_HTML)
public class ProviderPages {

    private final ProviderRegistry registry;
    private final VoucherWorkflow workflow;
    private final VoucherViews views;
    private final Viewer viewer;

    ProviderPages(ProviderRegistry registry, VoucherWorkflow workflow, VoucherViews views, Viewer viewer) {
        this.registry = registry;
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "vouchers")
    static class Templates {
        static native TemplateInstance providerHome(VoucherViews.ProviderHome h, Map<String, String> values,
                Map<String, String> errors);

        static native TemplateInstance providerDetail(VoucherViews.Detail d, Map<String, String> values,
                Map<String, String> errors, String error);
    }

    @GET
    @Path("/profile")
    public TemplateInstance profile() {
        VoucherViews.ProviderHome h = home();
        return Templates.providerHome(h, registered(h.provider()), Map.of());
    }

    /** The registration form's values: what is stored, for a provider that registered before. */
    private static Map<String, String> registered(VoucherProvider p) {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        if (p != null) {
            v.put("version", String.valueOf(p.version));
            v.put("name", p.name);
            v.put("creditCode", p.creditCode);
            v.put("legalRepresentative", p.legalRepresentative);
            v.put("contactPerson", p.contactPerson);
            v.put("mobile", p.mobile);
            v.put("email", p.email);
            v.put("credentials", p.credentials);
            v.put("description", p.description);
        }
        return v;
    }

    private static Map<String, String> merged(VoucherProvider p, Map<String, String> submitted) {
        Map<String, String> v = registered(p);
        v.putAll(submitted);
        return v;
    }

    @GET
    @Path("/vouchers")
    public TemplateInstance vouchers() {
        return profile();
    }

    private VoucherViews.ProviderHome home() {
        return views.providerHome(viewer.subject()).orElseThrow();
    }

    @POST
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form) {
        try {
            registry.register(viewer.subject(), viewer.username(), new ProviderRegistry.ProviderInput(
                    form.getFirst("version"), form.getFirst("name"), form.getFirst("creditCode"),
                    form.getFirst("legalRepresentative"), form.getFirst("contactPerson"), form.getFirst("mobile"),
                    form.getFirst("email"), form.getFirst("credentials"), VoucherForms.all(form, "categories"),
                    form.getFirst("description")));
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.providerHome(home(), VoucherForms.values(form), e.errors())).build();
        } catch (VoucherConflict e) {
            VoucherViews.ProviderHome h = home();
            return Response.status(409).entity(Templates.providerHome(h, registered(h.provider()),
                    Map.of("version", e.getMessage()))).build();
        }
        return Response.seeOther(URI.create("/provider/profile")).build();
    }

    @POST
    @Path("/offers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addOffer(MultivaluedMap<String, String> form) {
        try {
            registry.addOffer(viewer.subject(), new ProviderRegistry.OfferInput(form.getFirst("offerName"),
                    form.getFirst("offerCategory"), form.getFirst("price"), form.getFirst("typicalDays")));
        } catch (FieldErrors e) {
            VoucherViews.ProviderHome h = home();
            return Response.status(400).entity(Templates.providerHome(h, merged(h.provider(), VoucherForms.values(form)),
                    e.errors())).build();
        }
        return Response.seeOther(URI.create("/provider/profile")).build();
    }

    @GET
    @Path("/vouchers/{voucher: \\d+}")
    public TemplateInstance detail(@PathParam("voucher") long id) {
        return Templates.providerDetail(views.providerDetail(viewer.subject(), id), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/vouchers/{voucher: \\d+}/{providerStep}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("voucher") long id, @PathParam("providerStep") String step,
            MultivaluedMap<String, String> form) {
        views.providerDetail(viewer.subject(), id);
        long version = VoucherInput.version(form.getFirst("version"));
        try {
            switch (step) {
                case "contract" -> workflow.confirmContract(viewer.subject(), id, version,
                        form.getFirst("contractAmount"), form.getFirst("contractFrom"), form.getFirst("contractTo"),
                        viewer.auditName());
                case "deliver" -> workflow.confirmDelivery(viewer.subject(), id, version, form.getFirst("note"),
                        viewer.auditName());
                default -> throw new NotFoundException();
            }
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            return failed(id, VoucherForms.values(form), e);
        }
        return Response.seeOther(URI.create("/provider/vouchers/" + id)).build();
    }

    @POST
    @Path("/vouchers/redeem")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response redeem(@BeanParam VoucherForms.RedemptionForm form) {
        Long id = VoucherInput.id(form.voucher);
        if (id == null) {
            throw new NotFoundException();
        }
        views.providerDetail(viewer.subject(), id);
        try {
            workflow.requestRedemption(viewer.subject(), id, VoucherInput.version(form.version), form.invoiceAmount,
                    VoucherForms.upload(form.invoice), VoucherForms.upload(form.acceptance), viewer.auditName());
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            return failed(id, form.values(), e);
        }
        return Response.seeOther(URI.create("/provider/vouchers/" + id)).build();
    }

    private Response failed(long id, Map<String, String> values, RuntimeException e) {
        Map<String, String> errors = e instanceof FieldErrors f ? f.errors() : Map.of();
        return Response.status(VoucherForms.status(e)).entity(Templates.providerDetail(
                views.providerDetail(viewer.subject(), id), values, errors, e.getMessage())).build();
    }

    @GET
    @Path("/vouchers/{voucher: \\d+}/files/{file: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("voucher") long id, @PathParam("file") long file) {
        VoucherFile f = views.file(id, file, viewer.subject(), false);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

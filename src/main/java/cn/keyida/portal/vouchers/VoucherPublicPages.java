package cn.keyida.portal.vouchers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public voucher page: open batches with their totals, and the provider directory. */
@Path("/vouchers")
@Produces(MediaType.TEXT_HTML)
public class VoucherPublicPages {

    private final VoucherViews views;

    VoucherPublicPages(VoucherViews views) {
        this.views = views;
    }

    @CheckedTemplate(basePath = "vouchers")
    static class Templates {
        static native TemplateInstance publicHome(VoucherViews.PublicHome h);

        static native TemplateInstance publicProvider(VoucherViews.ProviderCard p);
    }

    @GET
    public TemplateInstance home() {
        return Templates.publicHome(views.publicHome());
    }

    @GET
    @Path("/providers/{provider: \\d+}")
    public TemplateInstance provider(@PathParam("provider") long id) {
        return Templates.publicProvider(views.publicProvider(id));
    }
}

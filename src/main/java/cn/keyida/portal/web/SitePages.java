package cn.keyida.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The pages every government site links from its footer: site map, contact, accessibility statement. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SitePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sitemap();

        static native TemplateInstance contact();

        static native TemplateInstance accessibility();
    }

    @GET
    @Path("sitemap")
    public TemplateInstance sitemap() {
        return Templates.sitemap();
    }

    @GET
    @Path("contact")
    public TemplateInstance contact() {
        return Templates.contact();
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }
}

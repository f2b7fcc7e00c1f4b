package cn.keyida.portal.content;

import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;

/** sitemap.xml: the canonical URL of every published item, for search engines. */
@Path("/sitemap.xml")
public class SitemapPages {

    private final ContentViews views;
    private final WebConfig config;

    SitemapPages(ContentViews views, WebConfig config) {
        this.views = views;
        this.config = config;
    }

    @CheckedTemplate(basePath = "opendata")
    static class Templates {
        static native TemplateInstance sitemap(String base, List<ContentViews.SitemapUrl> urls);
    }

    @GET
    @Produces("application/xml;charset=UTF-8")
    public TemplateInstance sitemap() {
        return Templates.sitemap(config.baseUrl(), views.sitemap());
    }
}

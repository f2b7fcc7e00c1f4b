package cn.keyida.portal.content;

import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.ZoneOffset;
import java.util.List;

/** sitemap.xml: the canonical URL of every published item, for search engines. */
@Path("/sitemap.xml")
public class SitemapPages {

    static final int MAX_URLS = 50_000; // the sitemap protocol's limit per file

    private final WebConfig config;

    SitemapPages(WebConfig config) {
        this.config = config;
    }

    public record Url(String loc, String lastmod) {}

    @CheckedTemplate(basePath = "opendata")
    static class Templates {
        static native TemplateInstance sitemap(String base, List<Url> urls);
    }

    @GET
    @Produces("application/xml;charset=UTF-8")
    @Transactional
    public TemplateInstance sitemap() {
        List<Url> urls = ContentItem.<ContentItem>find("status = ?1 order by id", ContentStatus.PUBLISHED)
                .page(0, MAX_URLS).stream()
                .map(i -> new Url(config.baseUrl() + i.url(), i.updatedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString()))
                .toList();
        return Templates.sitemap(config.baseUrl(), urls);
    }
}

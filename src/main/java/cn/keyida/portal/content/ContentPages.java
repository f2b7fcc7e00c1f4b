package cn.keyida.portal.content;

import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.search.SearchUnavailableException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Detail pages at stable URLs: /policies/{slug}, /achievements/{slug}, … */
@Path("/{section: policies|achievements|demands|talent|finance}")
public class ContentPages {

    private final ContentViews views;
    private final SearchService search;

    ContentPages(ContentViews views, SearchService search) {
        this.views = views;
        this.search = search;
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("section") String section, @PathParam("slug") String slug) {
        ContentType type = ContentType.fromPath(section).orElseThrow(NotFoundException::new);
        ContentViews.Detail detail = views.published(type, slug);
        List<SearchDocument> related;
        try {
            related = search.related(detail.item().slug, 2);
        } catch (SearchUnavailableException e) {
            related = List.of(); // the page itself comes from PostgreSQL and stays available
        }
        return DetailPage.of(detail, false, related);
    }
}

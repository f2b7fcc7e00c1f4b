package cn.keyida.portal.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/")
public class HomePages {

    private final ContentViews views;

    HomePages(ContentViews views) {
        this.views = views;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<ContentViews.Section> sections, long total);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        ContentViews.Home home = views.home();
        return Templates.home(home.sections(), home.total());
    }
}

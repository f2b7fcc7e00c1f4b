package cn.keyida.portal.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

@Path("/")
public class HomePages {

    record Section(ContentType type, List<ContentItem> items) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Section> sections, long total);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance home() {
        List<Section> sections = Arrays.stream(ContentType.values())
                .map(t -> new Section(t, ContentItem.listLatestPublished(t, 6)))
                .toList();
        return Templates.home(sections, ContentItem.countPublished());
    }
}

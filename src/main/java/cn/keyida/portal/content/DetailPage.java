package cn.keyida.portal.content;

import cn.keyida.portal.search.SearchDocument;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The detail page template, shared by the public page and the staff preview. */
@CheckedTemplate(basePath = "ContentPages")
final class DetailPage {

    private DetailPage() {}

    static native TemplateInstance detail(ContentItem item, List<ContentViews.Field> fields, String validity,
            ContentViews.Links links, boolean preview, List<SearchDocument> related);

    static TemplateInstance of(ContentViews.Detail d, boolean preview, List<SearchDocument> related) {
        return detail(d.item(), d.fields(), d.validity(), d.links(), preview, related);
    }
}

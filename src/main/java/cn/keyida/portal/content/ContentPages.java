package cn.keyida.portal.content;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.search.SearchUnavailableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Detail pages at stable URLs: /policies/{slug}, /achievements/{slug}, … */
@Path("/{section: policies|achievements|demands|talent|finance}")
public class ContentPages {

    private final SearchService search;
    private final PortalClock clock;

    ContentPages(SearchService search, PortalClock clock) {
        this.search = search;
        this.clock = clock;
    }

    public record Field(String label, String value) {}

    public record Links(ContentItem supersedes, List<ContentItem> supersededBy, ContentItem interprets,
            List<ContentItem> interpretations) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(ContentItem item, List<Field> fields, String validity, Links links,
                boolean preview, List<SearchDocument> related);
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance detail(@PathParam("section") String section, @PathParam("slug") String slug) {
        ContentType type = ContentType.fromPath(section).orElseThrow(NotFoundException::new);
        ContentItem item = ContentItem.findPublished(type, slug)
                .orElseThrow(() -> new NotFoundException("未找到该内容，可能已下线或链接有误"));
        List<SearchDocument> related;
        try {
            related = search.related(item.slug, 2);
        } catch (SearchUnavailableException e) {
            related = List.of(); // the page itself comes from PostgreSQL and stays available
        }
        return render(item, false, related, clock.today());
    }

    /** Also the staff preview of drafts; must run inside a transaction. */
    static TemplateInstance render(ContentItem item, boolean preview, List<SearchDocument> related, LocalDate today) {
        ContentItem.Validity validity = item.validity(today);
        Links links = new Links(
                published(item.supersedesSlug),
                ContentItem.list("supersedesSlug = ?1 and status = ?2", item.slug, ContentStatus.PUBLISHED),
                published(item.interpretsSlug),
                ContentItem.list("interpretsSlug = ?1 and status = ?2", item.slug, ContentStatus.PUBLISHED));
        return Templates.detail(item, fields(item), validity == null ? null : validity.label, links, preview, related);
    }

    private static ContentItem published(String slug) {
        return slug == null ? null
                : ContentItem.findBySlug(slug).filter(i -> i.status == ContentStatus.PUBLISHED).orElse(null);
    }

    static List<Field> fields(ContentItem i) {
        List<Field> f = new ArrayList<>();
        add(f, "文号", i.docNumber);
        add(f, "发布机关", i.issuer);
        add(f, "类别", i.category);
        add(f, "生效日期", i.effectiveDate);
        add(f, "失效日期", i.expiryDate);
        add(f, "产品类型", i.productType);
        add(f, "提供机构", i.provider);
        add(f, "申请条件", i.eligibility);
        add(f, "产品条款", i.terms);
        add(f, "项目类型", i.programType);
        add(f, "组织单位", i.organizer);
        add(f, "规模", i.scale);
        add(f, "成果持有方", i.holder);
        add(f, "技术领域", i.field);
        add(f, "成熟度", i.maturity);
        add(f, "转化方式", i.transferMode);
        add(f, "获奖情况", i.award);
        add(f, "需求方", i.demander);
        add(f, "预算", i.budget);
        add(f, "合作方式", i.mode);
        add(f, "截止日期", i.deadline);
        add(f, "层级", i.level == null ? null : i.level.label);
        add(f, "适用地区", i.region);
        add(f, "发布日期", i.publishDate);
        return f;
    }

    private static void add(List<Field> fields, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            fields.add(new Field(label, value.toString()));
        }
    }
}

package cn.keyida.portal.content;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.InvalidInputException;
import cn.keyida.portal.web.WebConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the content pages show, read in one transaction each and returned as view records with
 * everything the templates touch already loaded, so no page opens a transaction.
 */
@ApplicationScoped
public class ContentViews {

    static final int STAFF_PAGE_SIZE = 30;
    static final int MAX_SITEMAP_URLS = 50_000; // the sitemap protocol's limit per file

    private final ObjectMapper json;
    private final PortalClock clock;
    private final WebConfig web;

    ContentViews(ObjectMapper json, PortalClock clock, WebConfig web) {
        this.json = json;
        this.clock = clock;
        this.web = web;
    }

    // ------------------------------------------------------------------ detail pages and the staff preview

    public record Field(String label, String value) {}

    public record Links(ContentItem supersedes, List<ContentItem> supersededBy, ContentItem interprets,
            List<ContentItem> interpretations) {}

    public record Detail(ContentItem item, List<Field> fields, String validity, Links links) {}

    /** A published item at its public URL; 404 for anything else. */
    @Transactional
    public Detail published(ContentType type, String slug) {
        return detail(ContentItem.findPublished(type, slug)
                .orElseThrow(() -> new NotFoundException("未找到该内容，可能已下线或链接有误")));
    }

    /** Any item as the public would see it once published, for staff. */
    @Transactional
    public Detail preview(long id) {
        return detail(item(id));
    }

    private Detail detail(ContentItem item) {
        ContentItem.Validity validity = item.validity(clock.today());
        Links links = new Links(
                published(item.supersedesSlug),
                ContentItem.list("supersedesSlug = ?1 and status = ?2", item.slug, ContentStatus.PUBLISHED),
                published(item.interpretsSlug),
                ContentItem.list("interpretsSlug = ?1 and status = ?2", item.slug, ContentStatus.PUBLISHED));
        return new Detail(item, fields(item), validity == null ? null : validity.label, links);
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

    // ------------------------------------------------------------------ home page and sitemap

    /**
     * A published item in the import format, without personal contact data and without the curator's
     * internal provenance notes and mirror links (open data API).
     */
    @Transactional
    public ContentRecord publishedRecord(String slug) {
        ContentItem item = ContentItem.findBySlug(slug).filter(i -> i.status == ContentStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("未找到该内容"));
        ContentRecord r = ContentService.toRecord(item);
        return new ContentRecord(r.id(), r.type(), r.title(), r.summary(), r.body(), r.tags(), r.level(), r.region(),
                r.publishDate(), r.source(), null, null, r.docNumber(), r.issuer(), r.category(),
                r.effectiveDate(), r.expiryDate(), r.supersedes(), r.interprets(), r.productType(), r.provider(),
                r.eligibility(), r.terms(), r.programType(), r.organizer(), r.scale(), r.holder(), r.field(), r.maturity(),
                r.transferMode(), r.award(), r.demander(), r.budget(), r.mode(), r.deadline(), null);
    }

    public record Section(ContentType type, List<ContentItem> items) {}

    public record Home(List<Section> sections, long total) {}

    /** The five cards of the home page: the newest current items of each type, the city's own first. */
    @Transactional
    public Home home() {
        return new Home(Arrays.stream(ContentType.values())
                .map(t -> new Section(t, ContentItem.listLocalFirst(t, web.city(), web.province(), clock.today(), 6)))
                .toList(), ContentItem.countPublished());
    }

    /** When each of these published items last changed (feeds date their entries by it). */
    @Transactional
    public Map<String, Instant> lastChanged(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> changed = new HashMap<>();
        ContentItem.listPublishedBySlugs(slugs).forEach(i -> changed.put(i.slug, i.updatedAt));
        return changed;
    }

    public record SitemapUrl(String loc, String lastmod) {}

    /** The canonical URL of every published item (up to the protocol's limit). */
    @Transactional
    public List<SitemapUrl> sitemap() {
        return ContentItem.<ContentItem>find("status = ?1 order by id", ContentStatus.PUBLISHED)
                .page(0, MAX_SITEMAP_URLS).stream()
                .map(i -> new SitemapUrl(web.baseUrl() + i.url(),
                        i.updatedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString()))
                .toList();
    }

    // ------------------------------------------------------------------ staff content management

    public record Filters(String q, String type, String status) {}

    public record StaffList(List<ContentItem> items, Filters filters, long total, int page, int pages) {}

    /** An item with its edit form's values (as stored) and its audit trail. */
    public record Edit(ContentItem item, Map<String, String> values, List<ContentAudit> audit) {}

    static final int MAX_PAGE = 100_000;

    /** An item whose source is not an official site, with what the public page shows for it. */
    public record SourceRow(ContentItem item, Provenance provenance) {}

    public record Sources(List<SourceRow> rows, long total, long all) {}

    /**
     * Staff: items (any status, published first) whose source is not a government site, to replace with
     * the official original; {@link Provenance#isOfficial} is the one rule, applied here in Java because
     * the rule reads the URL's host.
     */
    @Transactional
    public Sources unofficialSources() {
        List<ContentItem> all = ContentItem.list("order by status, type, title");
        List<SourceRow> rows = all.stream().map(i -> new SourceRow(i, Provenance.of(i)))
                .filter(r -> !r.provenance().official())
                .sorted(java.util.Comparator.comparing((SourceRow r) -> r.item().status != ContentStatus.PUBLISHED))
                .toList();
        return new Sources(rows.size() > 1000 ? rows.subList(0, 1000) : rows, rows.size(), all.size());
    }

    @Transactional
    public StaffList staffList(Filters f, Integer page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (lower(title) like :q or slug like :q)");
            params.and("q", "%" + f.q().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        ContentType.fromCode(f.type() == null ? "" : f.type()).ifPresent(t -> {
            where.append(" and type = :type");
            params.and("type", t);
        });
        Arrays.stream(ContentStatus.values()).filter(s -> s.name().equals(f.status())).findFirst().ifPresent(s -> {
            where.append(" and status = :status");
            params.and("status", s);
        });
        var query = ContentItem.<ContentItem>find(where + " order by updatedAt desc", params);
        long total = query.count();
        int p = page == null || page < 1 ? 1 : page;
        if (p > MAX_PAGE) {
            // the offset of page 2147483647 overflows an int
            throw new InvalidInputException("页码超出范围（最大 " + MAX_PAGE + "）：" + page);
        }
        List<ContentItem> items = query.page(Page.of(p - 1, STAFF_PAGE_SIZE)).list();
        return new StaffList(items, f, total, p, (int) Math.max(1, (total + STAFF_PAGE_SIZE - 1) / STAFF_PAGE_SIZE));
    }

    @Transactional
    public Edit edit(long id) {
        ContentItem item = item(id);
        return new Edit(item, formValues(ContentService.toRecord(item)), ContentAudit.trail(id));
    }

    /** The item as stored now (also after a failed save, to show the form again). */
    @Transactional
    public ContentItem item(long id) {
        return ContentItem.<ContentItem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("内容不存在"));
    }

    /** The import format as form values: lists joined the way the form splits them. */
    private Map<String, String> formValues(ContentRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        json.convertValue(record, Map.class).forEach((k, v) -> values.put((String) k,
                v == null ? "" : v instanceof List<?> l ? String.join(k.equals("source_extra") ? "\n" : "，",
                        l.stream().map(String::valueOf).toList()) : v.toString()));
        return values;
    }
}

package cn.keyida.portal.content;

import cn.keyida.portal.web.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Owns content writes: every change is validated, audited and announced with {@link ContentChanged} in
 * one transaction (search queues it for the index, matching tells qualifying enterprises).
 */
@ApplicationScoped
public class ContentService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,119}");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 200_000;

    private final ObjectMapper json;
    private final Event<ContentChanged> changed;

    ContentService(ObjectMapper json, Event<ContentChanged> changed) {
        this.json = json;
        this.changed = changed;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    @Transactional
    public long countPublished() {
        return ContentItem.countPublished();
    }

    /** Import: inserts or updates the published item with the record's id; an identical record changes nothing. */
    @Transactional
    public Outcome upsert(ContentRecord record, String actor) {
        return upsertAll(List.of(toItem(record)), actor).get(0);
    }

    /**
     * Import of many valid items in one transaction (one commit instead of one per record); the
     * existing items are read with one query. Items must come from {@link #toItem}, with distinct slugs.
     * The items are written first, then their audit rows, then their outbox rows, so that each kind of
     * row goes to PostgreSQL as one batch.
     */
    @Transactional
    public List<Outcome> upsertAll(List<ContentItem> items, String actor) {
        Map<String, ContentItem> existing = new java.util.HashMap<>();
        ContentItem.listBySlugs(items.stream().map(i -> i.slug).toList())
                .forEach(i -> existing.put(i.slug, i));
        List<Outcome> outcomes = new ArrayList<>(items.size());
        List<Imported> imported = new ArrayList<>(items.size());
        for (ContentItem item : items) {
            outcomes.add(apply(item, existing.get(item.slug), imported));
        }
        imported.forEach(i -> ContentAudit.record(i.item(), actor, "导入", i.changes()));
        imported.forEach(i -> announce(i.item(), ContentChanged.Change.IMPORTED, i.wasPublished()));
        return outcomes;
    }

    private record Imported(ContentItem item, List<ContentAudit.Change> changes, boolean wasPublished) {}

    private Outcome apply(ContentItem incoming, ContentItem existing, List<Imported> imported) {
        if (existing == null) {
            incoming.status = ContentStatus.PUBLISHED;
            incoming.persist();
            imported.add(new Imported(incoming, List.of(), false));
            return Outcome.CREATED;
        }
        List<ContentAudit.Change> changes = diff(existing, incoming);
        if (existing.status == ContentStatus.PUBLISHED && changes.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        copyContent(incoming, existing);
        boolean wasPublished = existing.status == ContentStatus.PUBLISHED;
        if (!wasPublished) {
            changes = new ArrayList<>(changes);
            changes.add(new ContentAudit.Change("status", existing.status.label, ContentStatus.PUBLISHED.label));
            existing.status = ContentStatus.PUBLISHED;
        }
        imported.add(new Imported(existing, changes, wasPublished));
        return Outcome.UPDATED;
    }

    /** Staff: a new item starts as a draft, invisible to the public. */
    @Transactional
    public ContentItem create(ContentRecord record, String actor) {
        ContentItem item = toItem(record);
        if (ContentItem.findBySlug(item.slug).isPresent()) {
            throw new ContentValidationException("标识 " + item.slug + " 已被使用，请换一个");
        }
        item.status = ContentStatus.DRAFT;
        item.persist();
        ContentAudit.record(item, actor, "创建草稿", List.of());
        announce(item, ContentChanged.Change.CREATED, false);
        return item;
    }

    /** Staff: saves an edit made on {@code version}; a stale version is refused, nothing is overwritten. */
    @Transactional
    public ContentItem update(long id, long version, ContentRecord record, String actor) {
        ContentItem item = load(id, version);
        ContentItem incoming = toItem(record);
        incoming.slug = item.slug; // the URL of a published item never changes
        List<ContentAudit.Change> changes = diff(item, incoming);
        if (changes.isEmpty()) {
            return item;
        }
        copyContent(incoming, item);
        ContentAudit.record(item, actor, "修改", changes);
        announce(item, ContentChanged.Change.EDITED, item.status == ContentStatus.PUBLISHED);
        return item;
    }

    /**
     * Staff: saves the edit and publishes it, in one transaction: 发布 on the edit page never throws away
     * what was typed, and never publishes an older text than the form showed.
     */
    @Transactional
    public ContentItem updateAndPublish(long id, long version, ContentRecord record, String actor) {
        ContentItem item = update(id, version, record, actor);
        return applyStatus(item, ContentStatus.PUBLISHED, actor);
    }

    /** Staff: publish, unpublish (back to draft) or archive. */
    @Transactional
    public ContentItem changeStatus(long id, long version, ContentStatus to, String actor) {
        return applyStatus(load(id, version), to, actor);
    }

    private ContentItem applyStatus(ContentItem item, ContentStatus to, String actor) {
        if (item.status == to) {
            return item;
        }
        ContentStatus from = item.status;
        item.status = to;
        String action = switch (to) {
            case PUBLISHED -> "发布";
            case DRAFT -> "撤回为草稿";
            case ARCHIVED -> "归档";
        };
        ContentAudit.record(item, actor, action, List.of(new ContentAudit.Change("status", from.label, to.label)));
        announce(item, ContentChanged.Change.STATUS_CHANGED, from == ContentStatus.PUBLISHED);
        return item;
    }

    /** Synchronous, inside the caller's transaction: observers write with the change or not at all. */
    private void announce(ContentItem item, ContentChanged.Change change, boolean wasPublished) {
        changed.fire(new ContentChanged(item.id, item.slug, change, wasPublished,
                item.status == ContentStatus.PUBLISHED));
    }

    private static ContentItem load(long id, long version) {
        ContentItem item = ContentItem.<ContentItem>findByIdOptional(id)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("内容不存在"));
        if (item.version != version) {
            throw ConflictException.staleEdit();
        }
        return item;
    }

    /** Maps and validates an import record; throws {@link ContentValidationException} with a Chinese reason. */
    static ContentItem toItem(ContentRecord r) {
        if (r.id() == null || !SLUG.matcher(r.id()).matches()) {
            throw new ContentValidationException("id 缺失或格式不正确（只允许小写字母、数字和连字符，2–120 个字符）");
        }
        ContentType type = ContentType.fromCode(nullToEmpty(r.type()))
                .orElseThrow(() -> new ContentValidationException(
                        "type 不正确：" + r.type() + "（应为 policy、achievement、demand、talent 或 finance）"));
        if (r.title() == null || r.title().isBlank()) {
            throw new ContentValidationException("title 不能为空");
        }
        if (r.title().length() > MAX_TITLE) {
            throw new ContentValidationException("title 过长（最多 " + MAX_TITLE + " 个字符）");
        }
        if (length(r.body()) + length(r.summary()) > MAX_TEXT) {
            throw new ContentValidationException("summary 与 body 过长（合计最多 " + MAX_TEXT + " 个字符）");
        }
        ContentItem item = new ContentItem();
        item.slug = r.id();
        item.type = type;
        item.title = r.title().strip();
        item.summary = nullToEmpty(r.summary());
        String body = nullToEmpty(r.body());
        item.bodyHtml = BodySanitizer.containsMarkup(body);
        item.body = item.bodyHtml ? BodySanitizer.sanitize(body) : body;
        item.tags = clean(r.tags());
        item.level = blank(r.level()) ? null : Level.fromCode(r.level())
                .orElseThrow(() -> new ContentValidationException(
                        "level 不正确：" + r.level() + "（应为 national、provincial 或 municipal）"));
        item.region = nullToEmpty(r.region());
        item.publishDate = date("publish_date", r.publishDate());
        item.source = nullToEmpty(r.source());
        item.sourceExtra = clean(r.sourceExtra());
        item.sourceNote = nullToEmpty(r.sourceNote());
        item.docNumber = emptyToNull(r.docNumber());
        item.issuer = emptyToNull(r.issuer());
        item.category = emptyToNull(r.category());
        item.effectiveDate = date("effective_date", r.effectiveDate());
        item.expiryDate = date("expiry_date", r.expiryDate());
        item.supersedesSlug = emptyToNull(r.supersedes());
        item.interpretsSlug = emptyToNull(r.interprets());
        item.productType = emptyToNull(r.productType());
        item.provider = emptyToNull(r.provider());
        item.eligibility = emptyToNull(r.eligibility());
        item.terms = emptyToNull(r.terms());
        item.programType = emptyToNull(r.programType());
        item.organizer = emptyToNull(r.organizer());
        item.scale = emptyToNull(r.scale());
        item.holder = emptyToNull(r.holder());
        item.field = emptyToNull(r.field());
        item.maturity = emptyToNull(r.maturity());
        item.transferMode = emptyToNull(r.transferMode());
        item.award = emptyToNull(r.award());
        item.demander = emptyToNull(r.demander());
        item.budget = emptyToNull(r.budget());
        item.mode = emptyToNull(r.mode());
        item.deadline = date("deadline", r.deadline());
        item.contact = emptyToNull(r.contact());
        if (item.slug.equals(item.supersedesSlug) || item.slug.equals(item.interpretsSlug)) {
            throw new ContentValidationException("supersedes / interprets 不能指向记录自身");
        }
        return item;
    }

    /** The reverse of {@link #toItem}: the item in the import format (also the edit form's values). */
    static ContentRecord toRecord(ContentItem i) {
        return new ContentRecord(i.slug, i.type.code, i.title, i.summary, i.body, i.tags,
                i.level == null ? "" : i.level.code, i.region, str(i.publishDate), i.source, i.sourceExtra,
                i.sourceNote, i.docNumber, i.issuer, i.category, str(i.effectiveDate), str(i.expiryDate),
                i.supersedesSlug, i.interpretsSlug, i.productType, i.provider, i.eligibility, i.terms,
                i.programType, i.organizer, i.scale, i.holder, i.field, i.maturity, i.transferMode, i.award,
                i.demander, i.budget, i.mode, str(i.deadline), i.contact);
    }

    /** Field-by-field differences, in import-format names, for the audit trail. */
    List<ContentAudit.Change> diff(ContentItem before, ContentItem after) {
        Map<String, Object> a = json.convertValue(toRecord(before), MAP);
        Map<String, Object> b = json.convertValue(toRecord(after), MAP);
        List<ContentAudit.Change> changes = new ArrayList<>();
        for (String field : b.keySet()) {
            String from = text(a.get(field));
            String to = text(b.get(field));
            if (!from.equals(to)) {
                changes.add(new ContentAudit.Change(field, abbreviate(from), abbreviate(to)));
            }
        }
        return changes;
    }

    /** Copies every field {@link #toItem} sets, except the slug. */
    private static void copyContent(ContentItem src, ContentItem to) {
        to.type = src.type;
        to.title = src.title;
        to.summary = src.summary;
        to.body = src.body;
        to.bodyHtml = src.bodyHtml;
        to.tags = src.tags;
        to.level = src.level;
        to.region = src.region;
        to.publishDate = src.publishDate;
        to.source = src.source;
        to.sourceExtra = src.sourceExtra;
        to.sourceNote = src.sourceNote;
        to.docNumber = src.docNumber;
        to.issuer = src.issuer;
        to.category = src.category;
        to.effectiveDate = src.effectiveDate;
        to.expiryDate = src.expiryDate;
        to.supersedesSlug = src.supersedesSlug;
        to.interpretsSlug = src.interpretsSlug;
        to.productType = src.productType;
        to.provider = src.provider;
        to.eligibility = src.eligibility;
        to.terms = src.terms;
        to.programType = src.programType;
        to.organizer = src.organizer;
        to.scale = src.scale;
        to.holder = src.holder;
        to.field = src.field;
        to.maturity = src.maturity;
        to.transferMode = src.transferMode;
        to.award = src.award;
        to.demander = src.demander;
        to.budget = src.budget;
        to.mode = src.mode;
        to.deadline = src.deadline;
        to.contact = src.contact;
    }

    private static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ContentValidationException(name + " 不是有效日期（应为 YYYY-MM-DD）：" + value);
        }
        // +999999999-12-31 parses, but neither PostgreSQL nor the search index can hold it
        if (d.getYear() < 1900 || d.getYear() > 2999) {
            throw new ContentValidationException(name + " 超出有效范围（1900 至 2999 年）：" + value);
        }
        return d;
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String str(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof List<?> list ? String.join("，", list.stream().map(String::valueOf).toList())
                : value.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}

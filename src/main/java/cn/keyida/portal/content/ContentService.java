package cn.keyida.portal.content;

import cn.keyida.portal.search.SearchOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Owns content writes: every change is validated and queued for the search index in one transaction. */
@ApplicationScoped
public class ContentService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,119}");
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 200_000;

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** Inserts or updates the published item with the record's id; an identical record changes nothing. */
    @Transactional
    public Outcome upsert(ContentRecord record) {
        ContentItem incoming = toItem(record);
        ContentItem existing = ContentItem.findBySlug(incoming.slug).orElse(null);
        if (existing == null) {
            incoming.status = ContentStatus.PUBLISHED;
            incoming.persist();
            SearchOutbox.enqueue(incoming.slug);
            return Outcome.CREATED;
        }
        if (existing.status == ContentStatus.PUBLISHED && sameContent(existing, incoming)) {
            return Outcome.UNCHANGED;
        }
        copyContent(incoming, existing);
        existing.status = ContentStatus.PUBLISHED;
        SearchOutbox.enqueue(existing.slug);
        return Outcome.UPDATED;
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
        if (item.slug.equals(item.supersedesSlug) || item.slug.equals(item.interpretsSlug)) {
            throw new ContentValidationException("supersedes / interprets 不能指向记录自身");
        }
        return item;
    }

    private static boolean sameContent(ContentItem a, ContentItem b) {
        return a.type == b.type
                && Objects.equals(a.title, b.title)
                && Objects.equals(a.summary, b.summary)
                && Objects.equals(a.body, b.body)
                && a.bodyHtml == b.bodyHtml
                && Objects.equals(a.tags, b.tags)
                && a.level == b.level
                && Objects.equals(a.region, b.region)
                && Objects.equals(a.publishDate, b.publishDate)
                && Objects.equals(a.source, b.source)
                && Objects.equals(a.sourceExtra, b.sourceExtra)
                && Objects.equals(a.sourceNote, b.sourceNote)
                && Objects.equals(a.docNumber, b.docNumber)
                && Objects.equals(a.issuer, b.issuer)
                && Objects.equals(a.category, b.category)
                && Objects.equals(a.effectiveDate, b.effectiveDate)
                && Objects.equals(a.expiryDate, b.expiryDate)
                && Objects.equals(a.supersedesSlug, b.supersedesSlug)
                && Objects.equals(a.interpretsSlug, b.interpretsSlug)
                && Objects.equals(a.productType, b.productType)
                && Objects.equals(a.provider, b.provider)
                && Objects.equals(a.eligibility, b.eligibility)
                && Objects.equals(a.terms, b.terms)
                && Objects.equals(a.programType, b.programType)
                && Objects.equals(a.organizer, b.organizer)
                && Objects.equals(a.scale, b.scale)
                && Objects.equals(a.holder, b.holder)
                && Objects.equals(a.field, b.field)
                && Objects.equals(a.maturity, b.maturity)
                && Objects.equals(a.transferMode, b.transferMode)
                && Objects.equals(a.award, b.award)
                && Objects.equals(a.demander, b.demander)
                && Objects.equals(a.budget, b.budget)
                && Objects.equals(a.mode, b.mode)
                && Objects.equals(a.deadline, b.deadline);
    }

    private static void copyContent(ContentItem from, ContentItem to) {
        to.type = from.type;
        to.title = from.title;
        to.summary = from.summary;
        to.body = from.body;
        to.bodyHtml = from.bodyHtml;
        to.tags = from.tags;
        to.level = from.level;
        to.region = from.region;
        to.publishDate = from.publishDate;
        to.source = from.source;
        to.sourceExtra = from.sourceExtra;
        to.sourceNote = from.sourceNote;
        to.docNumber = from.docNumber;
        to.issuer = from.issuer;
        to.category = from.category;
        to.effectiveDate = from.effectiveDate;
        to.expiryDate = from.expiryDate;
        to.supersedesSlug = from.supersedesSlug;
        to.interpretsSlug = from.interpretsSlug;
        to.productType = from.productType;
        to.provider = from.provider;
        to.eligibility = from.eligibility;
        to.terms = from.terms;
        to.programType = from.programType;
        to.organizer = from.organizer;
        to.scale = from.scale;
        to.holder = from.holder;
        to.field = from.field;
        to.maturity = from.maturity;
        to.transferMode = from.transferMode;
        to.award = from.award;
        to.demander = from.demander;
        to.budget = from.budget;
        to.mode = from.mode;
        to.deadline = from.deadline;
    }

    private static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ContentValidationException(name + " 不是有效日期（应为 YYYY-MM-DD）：" + value);
        }
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

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}

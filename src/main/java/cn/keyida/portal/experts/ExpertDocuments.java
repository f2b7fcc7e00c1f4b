package cn.keyida.portal.experts;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchDocumentSource;
import cn.keyida.portal.techfield.TechFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hands the public cards of active experts to search as documents of type {@code talent} (科技人才),
 * slug {@code expert-{id}}: name, title, organisation, fields, specialities, modes and the public
 * profile. Never the phone, e-mail or ratings.
 */
@ApplicationScoped
class ExpertDocuments implements SearchDocumentSource {

    static final String PREFIX = "expert-";

    private final TechFields fields;

    ExpertDocuments(TechFields fields) {
        this.fields = fields;
    }

    static String slug(long id) {
        return PREFIX + id;
    }

    static Optional<Long> idOfSlug(String slug) {
        if (slug == null || !slug.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(slug.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, SearchDocument> published(Collection<String> slugs) {
        List<Long> ids = slugs.stream().map(ExpertDocuments::idOfSlug).flatMap(Optional::stream).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Expert.<Expert>list("status = ?1 and id in ?2", ExpertStatus.ACTIVE, ids).stream()
                .collect(Collectors.toMap(e -> slug(e.id), this::document));
    }

    @Override
    public List<Keyed> publishedAfter(long afterId, int limit) {
        return Expert.<Expert>find("status = ?1 and id > ?2 order by id", ExpertStatus.ACTIVE, afterId)
                .page(0, limit).stream().map(e -> new Keyed(e.id, document(e))).toList();
    }

    @Override
    public List<String> publishedSlugs() {
        return Expert.active().stream().map(e -> slug(e.id)).toList();
    }

    @Override
    public List<String> changedSince(Instant since) {
        return Expert.<Expert>list("updatedAt >= ?1", since).stream().map(e -> slug(e.id)).toList();
    }

    SearchDocument document(Expert e) {
        List<String> fieldNames = e.fields.stream().map(fields::name).toList();
        List<String> tags = new ArrayList<>(e.specialities);
        e.serviceModes().forEach(m -> tags.add(m.label));
        String summary = e.title + "，" + e.organisation + "。" + (e.profile.length() > 150 ? e.profile.substring(0, 150) : e.profile);
        String body = String.join("\n", List.of(e.name, e.title, e.organisation, String.join("、", fieldNames),
                String.join("、", e.specialities), e.profile)).strip();
        String day = e.admittedAt == null ? null : PortalClock.dayOf(e.admittedAt).toString();
        return new SearchDocument(slug(e.id), "talent", e.name + "（" + e.title + "）", summary, body, tags, null,
                e.region.isEmpty() ? null : e.region, day, e.admittedAt == null ? null : PortalClock.dayOf(e.admittedAt).getYear(),
                e.organisation, fieldNames.isEmpty() ? null : fieldNames.get(0), null, null, false, "/experts/" + e.id);
    }
}

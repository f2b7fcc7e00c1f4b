package cn.keyida.portal.search;

import java.util.List;

/**
 * What a feature hands to search for one published item: the indexed JSON, field for field.
 * {@code owner} is the issuer, provider, organizer, holder or demander; {@code category} the
 * type's own classification; dates are ISO strings. {@code startsAt} and {@code endsAt} (ISO instants)
 * are set only for events: the 活动时间 facet ({@code when}) reads them.
 */
public record SearchDocument(
        String slug,
        String type,
        String title,
        String summary,
        String body,
        List<String> tags,
        String level,
        String region,
        String publishDate,
        Integer year,
        String owner,
        String category,
        String docNumber,
        String validity,
        boolean superseded,
        String url,
        String startsAt,
        String endsAt) {

    /** An item that takes place at no particular time (everything but events). */
    public SearchDocument(String slug, String type, String title, String summary, String body, List<String> tags,
            String level, String region, String publishDate, Integer year, String owner, String category,
            String docNumber, String validity, boolean superseded, String url) {
        this(slug, type, title, summary, body, tags, level, region, publishDate, year, owner, category, docNumber,
                validity, superseded, url, null, null);
    }
}

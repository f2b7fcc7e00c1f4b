package cn.keyida.portal.search;

import java.util.List;

/**
 * What a feature hands to search for one published item: the indexed JSON, field for field.
 * {@code owner} is the issuer, provider, organizer, holder or demander; {@code category} the
 * type's own classification; dates are ISO strings.
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
        String url) {}

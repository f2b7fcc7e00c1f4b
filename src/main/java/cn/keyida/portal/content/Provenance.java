package cn.keyida.portal.content;

import java.net.URI;
import java.util.Locale;

/**
 * Where an item's text comes from, as the public sees it: the issuing body, and the original document
 * when it is on an official site (a government domain); otherwise the page it was reposted from
 * (转载自). The curator's notes ({@code source_note}) and mirror links ({@code source_extra}) are
 * internal and shown to staff only.
 */
public record Provenance(String issuingBody, String url, String host, boolean official) {

    public static Provenance of(ContentItem item) {
        String body = firstNonBlank(item.issuer, item.provider, item.organizer, item.demander, item.holder);
        String url = item.source == null ? "" : item.source.strip();
        String host = host(url);
        return new Provenance(body, url, host, isOfficial(host));
    }

    /** Government sites: *.gov.cn (incl. 中国政府网 www.gov.cn) and the NPC's 国家法律法规数据库 flk.npc.gov.cn. */
    static boolean isOfficial(String host) {
        return host != null && (host.equals("gov.cn") || host.endsWith(".gov.cn"));
    }

    static String host(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return null;
        }
        try {
            String h = URI.create(url.replace(" ", "%20")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean isLink() {
        return host != null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}

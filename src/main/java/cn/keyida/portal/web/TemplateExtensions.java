package cn.keyida.portal.web;

import cn.keyida.portal.common.PortalClock;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Instants are stored in UTC and shown in China time; values put into links are URL-encoded. */
@TemplateExtension
public class TemplateExtensions {

    static String local(Instant instant) {
        return PortalClock.localText(instant);
    }

    /**
     * A value for a query parameter ({@code /search?q={url:param(t)}}), empty for null: HTML escaping
     * alone leaves {@code &}, {@code #} and {@code +} in a tag or query free to change the link.
     */
    @TemplateExtension(namespace = "url")
    static String param(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}

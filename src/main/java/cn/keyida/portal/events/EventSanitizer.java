package cn.keyida.portal.events;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Event descriptions are rich text, sanitized once on write. */
final class EventSanitizer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br").toFactory());

    private EventSanitizer() {}

    static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html.strip());
    }
}

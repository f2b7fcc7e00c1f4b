package cn.keyida.portal.content;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Rich text is sanitized once, on write; plain text is kept as is and escaped when shown. */
final class BodySanitizer {

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/][^>]*>");

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "sub", "sup").toFactory());

    private BodySanitizer() {}

    static boolean containsMarkup(String text) {
        return text != null && text.indexOf('<') >= 0 && MARKUP.matcher(text).find();
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}

package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Redirects name the configured public address ({@code portal.web.base-url}), never the Host header
 * a client sent: Jakarta REST makes a relative {@code Location} absolute with the request's Host, and
 * the OIDC code flow builds its {@code redirect_uri} the same way, so a forged Host would otherwise
 * come back in both (cache poisoning, a login that returns to another site). Rewritten as the
 * headers are written, for every redirect of the app, the login's included.
 */
@ApplicationScoped
class PublicAddress {

    private final String base;
    private final String baseEncoded;

    PublicAddress(WebConfig web) {
        this.base = CsrfGuard.origin(URI.create(web.baseUrl()));
        this.baseEncoded = URLEncoder.encode(base, StandardCharsets.UTF_8);
    }

    void register(@Observes Filters filters) {
        // before authentication: the OIDC login redirect is written there
        filters.register(this::rewrite, SecurityHandlerPriorities.CORS + 20);
    }

    void rewrite(RoutingContext ctx) {
        String host = ctx.request().getHeader(HttpHeaders.HOST);
        String requested = host == null ? null : ctx.request().scheme() + "://" + host;
        ctx.addHeadersEndHandler(v -> {
            String location = ctx.response().headers().get(HttpHeaders.LOCATION);
            if (location != null && requested != null) {
                ctx.response().headers().set(HttpHeaders.LOCATION, rewrite(location, requested));
            }
        });
        ctx.next();
    }

    /** The location with the requested origin, plain or URL-encoded (in redirect_uri), replaced by the public one. */
    String rewrite(String location, String requested) {
        if (requested.equalsIgnoreCase(base)) {
            return location;
        }
        String out = location;
        if (startsWithIgnoreCase(out, requested) && (out.length() == requested.length()
                || "/?#".indexOf(out.charAt(requested.length())) >= 0)) {
            out = base + out.substring(requested.length());
        }
        String encoded = URLEncoder.encode(requested, StandardCharsets.UTF_8);
        return out.replace("=" + encoded + "%2F", "=" + baseEncoded + "%2F").replace("=" + encoded + "&", "=" + baseEncoded + "&");
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}

package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Cache-Control: no-store} on every private response, so neither a shared proxy nor the
 * browser's history keeps a copy of personal data (a need, a profile, an export, a staff page):
 * the private areas by path, whoever asks (their login redirects and error pages too), and every
 * answer to a signed-in user, whose pages name them. Set when the headers are written, so responses
 * of every kind (pages, exports, downloads, errors) are covered.
 */
@ApplicationScoped
class NoStore {

    void register(@Observes Filters filters) {
        // before authentication, so its login redirects and 401/403 answers are marked too
        filters.register(NoStore::mark, SecurityHandlerPriorities.CORS + 20);
    }

    static void mark(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(v -> {
            if (isPrivate(path) || signedIn(ctx)) {
                ctx.response().headers().set("Cache-Control", "no-store").set("Pragma", "no-cache");
            }
        });
        ctx.next();
    }

    static boolean isPrivate(String path) {
        return under(path, "/my") || under(path, "/staff") || under(path, "/subscriptions") || under(path, "/callback")
                || under(path, "/api/my") || under(path, "/api/staff") || under(path, "/logout");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static boolean signedIn(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }
}

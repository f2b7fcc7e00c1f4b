package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A signed-in API under /api with neither a bearer token nor a browser session answers 401 with
 * problem+json, as API clients expect: the hybrid OIDC mechanism would otherwise send them to the
 * Keycloak login page, which no API client can follow. Runs before authentication; with a session
 * cookie (the staff pages' own calls) the request goes on as before.
 */
@ApplicationScoped
class ApiLogin {

    static final String BODY = "{\"type\":\"about:blank\",\"title\":\"需要登录\",\"status\":401,"
            + "\"detail\":\"请使用有效的访问令牌（Authorization: Bearer）调用此接口。\"}";

    void register(@Observes Filters filters) {
        filters.register(ApiLogin::check, SecurityHandlerPriorities.CORS + 10);
    }

    static void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean privateApi = path.equals("/api/staff") || path.startsWith("/api/staff/") || path.equals("/api/my")
                || path.startsWith("/api/my/");
        if (!privateApi || ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null || hasSession(ctx)) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(BODY);
    }

    private static boolean hasSession(RoutingContext ctx) {
        return ctx.request().cookies().stream().anyMatch(c -> c.getName().startsWith("q_session"));
    }
}

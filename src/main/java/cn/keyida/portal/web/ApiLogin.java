package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
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

    static final String INVALID_BODY = "{\"type\":\"about:blank\",\"title\":\"访问令牌无效\",\"status\":401,"
            + "\"detail\":\"访问令牌无效、已过期或不是本平台签发的访问令牌，请重新获取。\"}";

    void register(@Observes Filters filters) {
        filters.register(ApiLogin::check, SecurityHandlerPriorities.CORS + 10);
    }

    /**
     * A token that fails verification (forged, expired, issued to another client, an ID token) on /api:
     * the same 401 problem+json, where the mechanism would answer with an empty body.
     */
    void failures(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException && !ctx.response().headWritten()) {
                refuse(ctx, "Bearer error=\"invalid_token\"", INVALID_BODY);
            } else {
                ctx.next();
            }
        });
    }

    static void check(RoutingContext ctx) {
        if (!isPrivateApi(ctx.normalizedPath()) || ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || hasSession(ctx)) {
            ctx.next();
            return;
        }
        refuse(ctx, "Bearer", BODY);
    }

    static boolean isPrivateApi(String path) {
        return path.equals("/api/staff") || path.startsWith("/api/staff/") || path.equals("/api/my")
                || path.startsWith("/api/my/");
    }

    private static void refuse(RoutingContext ctx, String challenge, String body) {
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", challenge)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    private static boolean hasSession(RoutingContext ctx) {
        return ctx.request().cookies().stream().anyMatch(c -> c.getName().startsWith("q_session"));
    }
}

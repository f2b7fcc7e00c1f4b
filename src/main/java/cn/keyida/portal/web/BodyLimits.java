package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Caps request bodies per endpoint, before a byte of the body is read: the upload limit
 * ({@code quarkus.http.limits.max-body-size}) holds only for the two upload forms; the click beacon
 * gets a few KB, other JSON calls and forms what their largest honest input needs. A body declared
 * larger is answered 413 at once and the connection closed, so an anonymous client can no longer
 * make the portal read 60 MB into a 256 MB heap. A chunked body (no declared length) is refused on
 * the capped endpoints, since its size is known only once it has been read; browsers and our load
 * scripts always send a length.
 */
@ApplicationScoped
class BodyLimits {

    /** The multipart forms that carry files; only they get the upload limit. */
    static final Set<String> UPLOADS = Set.of("/my/needs", "/staff/content/import", "/my/vouchers/apply",
            "/provider/vouchers/redeem", "/my/vouchers/redeem", "/my/market/attachments", "/my/projects/apply",
            "/my/projects/save");
    static final long CLICK = 4 * 1024;
    /** A content record with a long body (PUT /api/staff/content) is well under this. */
    static final long API = 1024 * 1024;
    /** Forms: the longest text fields (a 5,000-character description, a content body) URL-encoded. */
    static final long FORM = 2 * 1024 * 1024;

    void register(@Observes Router router) {
        // before Quarkus's own upload-limit handler and before any handler reads the body
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(BodyLimits::check);
    }

    static void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        long limit = limitFor(ctx.normalizedPath());
        if (limit < 0) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String chunked = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length == null && chunked != null) {
            refuse(ctx, 411, "缺少内容长度", "请求须声明内容长度（Content-Length）。");
            return;
        }
        if (length != null && tooLarge(length.strip(), limit)) {
            refuse(ctx, 413, "内容过大", "提交的内容超过此接口允许的大小（" + (limit / 1024) + " KB），请精简后重试。");
            return;
        }
        ctx.next();
    }

    /** The cap of an endpoint in bytes; -1 for the upload forms, which keep the global upload limit. */
    static long limitFor(String rawPath) {
        String path = rawPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1); // "/api/search/click/" is the same endpoint
        }
        if (UPLOADS.contains(path)) {
            return -1;
        }
        if (path.equals("/api/search/click")) {
            return CLICK;
        }
        return path.startsWith("/api/") ? API : FORM;
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length) > limit;
        } catch (NumberFormatException e) {
            return true; // not a length: nothing sensible can be read
        }
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        boolean api = ctx.normalizedPath().startsWith("/api/");
        String body = api
                ? "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}"
                : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body><h1>" + title + "</h1><p>" + detail + "</p></body></html>";
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/problem+json; charset=UTF-8" : "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}

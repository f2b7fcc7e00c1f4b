package cn.keyida.portal.web;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per client address limits on need submission, login-adjacent requests and search, so one client
 * cannot flood the portal. Counted per app instance in fixed one-minute windows (with several
 * instances behind a balancer the effective limit is that many times higher, which is acceptable
 * for flood protection). Over the limit: 429 with Retry-After and a Chinese message.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    private static final class Window {
        long minute;
        int count;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        String kind;
        int limit;
        if ("POST".equals(method) && path.equals("/my/needs")) {
            kind = "needs";
            limit = config.needsPerMinute();
        } else if (path.equals("/login") || path.startsWith("/login/") || path.startsWith("/callback/")) {
            kind = "login";
            limit = config.loginPerMinute();
        } else if (path.equals("/search") || path.equals("/api/search") || path.equals("/api/suggest")
                || path.equals("/search.atom")) {
            kind = "search";
            limit = config.searchPerMinute();
        } else {
            return null;
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long minute = System.currentTimeMillis() / 60_000;
        Window w = windows.computeIfAbsent(kind + "|" + client, k -> new Window());
        synchronized (w) {
            if (w.minute != minute) {
                w.minute = minute;
                w.count = 0;
            }
            if (++w.count <= limit) {
                return null;
            }
        }
        long retryAfter = 60 - (System.currentTimeMillis() / 1000) % 60;
        String detail = "请求过于频繁，请在 " + retryAfter + " 秒后再试。";
        Response.ResponseBuilder r = Response.status(429).header("Retry-After", retryAfter);
        if (path.startsWith("/api/")) {
            return r.type(ErrorMappers.PROBLEM_JSON).entity(Map.of("type", "about:blank", "title", "请求过于频繁",
                    "status", 429, "detail", detail)).build();
        }
        return r.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorMappers.Templates.error(429, "请求过于频繁", detail)).build();
    }

    /** Forget the windows of past minutes. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clean() {
        long minute = System.currentTimeMillis() / 60_000;
        windows.values().removeIf(w -> {
            synchronized (w) {
                return w.minute < minute;
            }
        });
    }
}

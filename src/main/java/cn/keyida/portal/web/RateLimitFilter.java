package cn.keyida.portal.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimiter} to the resource methods marked {@link RateLimited}. It runs after
 * matching, so it sees the method a request reached, however its path was spelled (a trailing
 * slash, an encoded character), and it runs on the worker thread, where the limiter may block on
 * PostgreSQL. Over the limit: 429 with Retry-After and a Chinese message.
 */
class RateLimitFilter {

    private final RateLimiter limiter;
    private final RateLimitConfig config;

    RateLimitFilter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /*
     * The name binding matches on the annotation type, so this filter runs for every @RateLimited
     * method whatever its budget (the value here is only required by the annotation); the budget
     * is read from the matched method.
     */
    @RateLimited(RateLimited.Budget.SEARCH)
    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!config.enabled()) {
            return null;
        }
        RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (limited == null) {
            return null;
        }
        // With quarkus.http.proxy.* this is the client's address when a trusted balancer forwarded the request.
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        OptionalLong retryAfter = limiter.tryConsume(limited.value(), client);
        if (retryAfter.isEmpty()) {
            return null;
        }
        String detail = "请求过于频繁，请在 " + retryAfter.getAsLong() + " 秒后再试。";
        Response.ResponseBuilder r = Response.status(429).header("Retry-After", retryAfter.getAsLong());
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return r.type(ErrorMappers.PROBLEM_JSON).entity(Map.of("type", "about:blank", "title", "请求过于频繁",
                    "status", 429, "detail", detail)).build();
        }
        return r.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorMappers.Templates.error(429, "请求过于频繁", detail)).build();
    }
}

package cn.keyida.portal.web;

import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Cross-site request forgery: every unsafe request (anything but GET, HEAD, OPTIONS) must come from
 * the portal's own pages and carry the token of {@link Csrf}, whatever its content type. A body
 * without a Content-Type is still read as a form by the framework, so "not a form, not checked" is
 * no rule. Two kinds of request need no token, since a browser cannot be tricked into sending them
 * with the user's authority: API calls under /api with a bearer token (a page on another site cannot
 * set the Authorization header without a CORS preflight, which the portal refuses), and the
 * anonymous click beacon {@value #CLICK_BEACON}, which acts for nobody. Both still pass the
 * Origin / Sec-Fetch-Site check.
 */
@ApplicationScoped
public class CsrfGuard {

    static final String CLICK_BEACON = "/api/search/click";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CHECK_FORM = "portal.csrf.check-form";

    private final Csrf.Config config;
    private final String publicOrigin;

    CsrfGuard(Csrf.Config config, WebConfig web) {
        if (config.signatureKey().length() < 32) {
            throw new IllegalStateException("portal.csrf.signature-key must be at least 32 characters long");
        }
        this.config = config;
        this.publicOrigin = origin(URI.create(web.baseUrl()));
    }

    /**
     * Cross-site requests and token-less non-form bodies stop here. After matching, so the role
     * checks answer first (an anonymous request to a staff route is a login, not a CSRF error).
     */
    @ServerRequestFilter(priority = 100)
    public Response beforeBody(ContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String path = routing.request().path();
        if (crossSite(request, routing)) {
            Log.infof("Cross-site %s refused on %s", request.getMethod(), path);
            return refuse(path, 403, "没有访问权限", "请求来自其他网站，已被拒绝。请在本平台页面上操作。");
        }
        if (path.equals(CLICK_BEACON) || (path.startsWith("/api/") && bearer(request))) {
            return null;
        }
        String header = request.getHeaderString(Csrf.HEADER);
        if (header != null) {
            return tokenValid(routing, header) ? null : expired(path);
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            routing.put(CHECK_FORM, true); // checked once the form is read, below
            return null;
        }
        return expired(path);
    }

    /** After the form is read: its token field. */
    @ServerRequestFilter(priority = 101)
    @WithFormRead
    public Response formToken(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (routing.get(CHECK_FORM) == null) {
            return null;
        }
        Object token = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(Csrf.FIELD, true, false);
        return token instanceof String t && tokenValid(routing, t) ? null : expired(routing.request().path());
    }

    private boolean tokenValid(RoutingContext routing, String token) {
        return Csrf.valid(config.signatureKey(), Csrf.cookieNonce(routing), Csrf.user(routing), token);
    }

    /**
     * A browser names the page a request comes from: {@code Sec-Fetch-Site: cross-site}, or an
     * {@code Origin} that is neither the public address nor the address the request was sent to.
     * Clients that send neither (scripts, old browsers) are judged by the token alone.
     */
    private boolean crossSite(ContainerRequestContext request, RoutingContext routing) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && site.strip().equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (o.equals(publicOrigin)) {
            return false;
        }
        String host = routing.request().getHeader("Host");
        return host == null || !o.equals((routing.request().scheme() + "://" + host).toLowerCase(Locale.ROOT));
    }

    private static boolean bearer(ContainerRequestContext request) {
        String auth = request.getHeaderString("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        return (uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT);
    }

    private static Response expired(String path) {
        return refuse(path, 400, "请求参数有误", "页面已过期或表单校验信息缺失，请刷新页面后重新提交。");
    }

    private static Response refuse(String path, int status, String title, String detail) {
        if (path.startsWith("/api/")) {
            return Response.status(status).type(ErrorMappers.PROBLEM_JSON).entity(Map.of("type", "about:blank",
                    "title", title, "status", status, "detail", detail, "instance", path)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorMappers.Templates.error(status, title, detail)).build();
    }
}

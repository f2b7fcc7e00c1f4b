package cn.keyida.portal.security;

import cn.keyida.portal.web.InvalidInputException;
import cn.keyida.portal.web.RateLimited;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /login} checks that Keycloak answers, then sends the browser to {@code /login/start},
 * which needs a login and so starts the code flow. While Keycloak is down visitors get a clear
 * Chinese page instead of a browser error, and public pages keep working.
 */
@Path("/login")
@RateLimited(RateLimited.Budget.LOGIN)
public class AuthPages {

    private final IdentityProvider provider;
    private final Viewer viewer;

    AuthPages(IdentityProvider provider, Viewer viewer) {
        this.provider = provider;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unavailable();
    }

    @GET
    @PermitAll
    public Response login(@QueryParam("next") String next) {
        if (provider.problem() != null) {
            return Response.status(503).header("Retry-After", "60").type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.unavailable()).build();
        }
        return Response.seeOther(URI.create("/login/start?next=" + URLEncoder.encode(local(next), StandardCharsets.UTF_8)))
                .build();
    }

    @GET
    @Path("/start")
    @Authenticated
    public Response start(@QueryParam("next") String next) {
        String target = local(next);
        // Logged in from the header: an enterprise goes on to its own pages (a new one to its profile).
        if (target.equals("/") && viewer.isEnterprise()) {
            target = "/my";
        }
        return Response.seeOther(URI.create(target)).build();
    }

    /**
     * Log in again before a sensitive action ({@link RecentLogin}): the session cookies are dropped and the
     * login starts with {@code fresh=1}, for which {@link FreshLoginRedirect} asks Keycloak for the password
     * even while its own session is still open.
     */
    @GET
    @Path("/again")
    @PermitAll
    public Response again(@QueryParam("next") String next, @Context HttpHeaders headers) {
        Response.ResponseBuilder answer = Response.seeOther(URI.create("/login/start?fresh=1&next="
                + URLEncoder.encode(local(next), StandardCharsets.UTF_8)));
        headers.getCookies().keySet().stream().filter(name -> name.startsWith("q_session"))
                .forEach(name -> answer.header("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"));
        return answer.build();
    }

    /**
     * Only local paths: never an open redirect. Whitespace and control characters make no path of
     * ours ({@code /%09/evil.com} would turn protocol-relative in a browser, {@code %0D%0A} would split
     * the Location header): the request is refused.
     */
    static String local(String next) {
        if (next != null && next.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidInputException("登录后返回的页面地址无效，请从本站页面重新登录。");
        }
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("登录后返回的页面地址无效，请从本站页面重新登录。");
        }
    }
}

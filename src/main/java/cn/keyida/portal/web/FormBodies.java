package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Reads the whole body of a signed-in user's small form post on the event loop, before Quarkus REST
 * dispatches the request to a worker thread. Otherwise the worker parses the form while the event
 * loop hands it the body chunk by chunk through a lock both threads take; with more workers than
 * cores the event loop spins on that lock (a sixth of the app's CPU samples while needs are submitted,
 * see docs/BENCHMARKS.md). The form is still parsed by Quarkus REST, from the buffered body. A buffered
 * body also no longer holds a worker while it arrives. Anonymous requests, bodies without a length
 * and bodies over {@value #MAX_BUFFERED} bytes (attachments) keep the streaming path, so nobody can
 * make the portal hold large bodies in memory; so do HTTP/1.0 and HTTP/2 requests.
 */
@ApplicationScoped
class FormBodies {

    static final int MAX_BUFFERED = 256 * 1024;

    void register(@Observes Router router) {
        router.post().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(FormBodies::buffer);
    }

    static void buffer(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // Not HTTP/2: Quarkus REST pauses the request, which HTTP/2 refuses once the body has ended.
        boolean buffer = request.version() == HttpVersion.HTTP_1_1 && !request.isEnded() && signedIn(ctx)
                && isSmallForm(request.getHeader(HttpHeaders.CONTENT_TYPE), request.getHeader(HttpHeaders.CONTENT_LENGTH),
                        request.getHeader(HttpHeaders.EXPECT));
        if (!buffer) {
            ctx.next();
            return;
        }
        request.body().onComplete(body -> {
            if (body.succeeded()) {
                ctx.setBody(body.result());
                ctx.next();
            } else {
                ctx.fail(400, body.cause());
            }
        });
        request.resume(); // Quarkus pauses every request until a handler reads it
    }

    /**
     * A form body of known length up to {@value #MAX_BUFFERED} bytes. A client that asks for
     * {@code 100 Continue} first keeps the streaming path, which answers it.
     */
    static boolean isSmallForm(String contentType, String contentLength, String expect) {
        if (contentType == null || contentLength == null || expect != null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        try {
            long length = Long.parseLong(contentLength.strip());
            return length >= 0 && length <= MAX_BUFFERED;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean signedIn(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }
}

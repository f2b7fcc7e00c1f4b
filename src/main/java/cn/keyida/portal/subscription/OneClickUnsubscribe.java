package cn.keyida.portal.subscription;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /subscriptions/unsubscribe/{token}}: the one-click unsubscribe of RFC 8058, posted by
 * mail programs (body {@code List-Unsubscribe=One-Click}) and by the button of the confirmation page.
 *
 * <p>It takes no CSRF token, and that is safe: the 256-bit random token in the address is the whole
 * authority (it is only in the subscriber's mails), so a forged cross-site request can do nothing the
 * holder of the link could not, and a mail program posting it has no page to take a token from. It is
 * a Vert.x route because the REST CSRF filter checks every form POST that reaches a resource method.
 * The answer is the result page, rendered by {@link SubscriptionPages} after an internal reroute (RFC
 * 8058 forbids answering with a redirect).
 */
@ApplicationScoped
class OneClickUnsubscribe {

    /** Routing-context key of the result, read by the page after the reroute; clients cannot set it. */
    static final String RESULT = OneClickUnsubscribe.class.getName() + ".result";

    /** The RFC 8058 body is 26 bytes; a form with a button is not much more. */
    static final int MAX_BODY = 4096;

    record Result(String description) {}

    private final SubscriptionService subscriptions;

    OneClickUnsubscribe(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    void register(@Observes Router router) {
        router.post("/subscriptions/unsubscribe/:token").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)) // read (and cap) the body we ignore
                .handler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        ctx.vertx().executeBlocking(() -> subscriptions.unsubscribe(token), false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            ctx.put(RESULT, new Result(done.result()));
            ctx.reroute(HttpMethod.GET, ctx.request().path());
        });
    }
}

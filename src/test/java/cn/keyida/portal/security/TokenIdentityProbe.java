package cn.keyida.portal.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint: which principal object the request got, and whether its identity is tied to this request. */
@Path("/test/token-identity")
@Authenticated
public class TokenIdentityProbe {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    TokenIdentityProbe(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    @GET
    public String probe() {
        boolean ownRequest = identity.getAttribute(RoutingContext.class.getName()) == request.getCurrent();
        return System.identityHashCode(identity.getPrincipal()) + " " + ownRequest;
    }
}

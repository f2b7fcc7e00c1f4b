package cn.keyida.portal.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /login} needs a login, so visiting it starts the Keycloak code flow and then comes back. */
@Path("/login")
public class AuthPages {

    @GET
    @Authenticated
    public Response login(@QueryParam("next") String next) {
        // Only local paths: never an open redirect.
        String target = next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/";
        return Response.seeOther(URI.create(target)).build();
    }
}

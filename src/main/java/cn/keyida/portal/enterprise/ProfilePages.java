package cn.keyida.portal.enterprise;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The enterprise's profile (/my/profile), required before the first need. */
@Path("/my/profile")
@RolesAllowed(Roles.ENTERPRISE)
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    private final ProfileService profiles;
    private final Viewer viewer;

    ProfilePages(ProfileService profiles, Viewer viewer) {
        this.profiles = profiles;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Map<String, String> values, List<String> qualifications,
                Map<String, String> errors, EnterpriseProfile.Options options, boolean saved, String next, boolean isNew,
                String emailStatus);
    }

    @GET
    public TemplateInstance form(@QueryParam("saved") boolean saved, @QueryParam("next") String next,
            @QueryParam("email") String email) {
        EnterpriseProfile p = profiles.find(viewer.subject()).orElse(null);
        Map<String, String> values;
        if (p != null) {
            values = p.formValues();
        } else {
            values = new LinkedHashMap<>();
            values.put("contactPerson", viewer.displayName());
        }
        // ok / verified (just now, by the link), or unverified / sent / wait (the answer to "resend")
        String emailStatus = p == null ? null
                : p.emailVerifiedAt != null ? ("verified".equals(email) ? "verified" : "ok")
                : "sent".equals(email) || "wait".equals(email) ? email : "unverified";
        return Templates.profile(values, p == null ? List.of() : p.qualifications, Map.of(), EnterpriseProfile.OPTIONS, saved,
                safeNext(next), p == null, emailStatus);
    }

    /** The link of the verification mail. Needs the enterprise's login, so a mail scanner verifies nothing. */
    @GET
    @Path("/verify")
    public Response verify(@QueryParam("t") String token) {
        profiles.verify(viewer.subject(), token);
        return Response.seeOther(URI.create("/my/profile?email=verified")).build();
    }

    /** "Resend the verification mail" on the profile page. */
    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend() {
        boolean sent = profiles.resendVerification(viewer.subject());
        return Response.seeOther(URI.create("/my/profile?email=" + (sent ? "sent" : "wait"))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        ProfileService.ProfileInput in = new ProfileService.ProfileInput(form.getFirst("name"),
                form.getFirst("creditCode"), form.getFirst("district"), form.getFirst("industry"),
                form.getFirst("contactPerson"), form.getFirst("mobile"), form.getFirst("email"),
                form.get("qualifications"), form.getFirst("employees"), form.getFirst("revenueBand"),
                form.getFirst("rdRatio"), form.getFirst("registeredOn"), "true".equals(form.getFirst("policyMail")),
                form.getFirst("version"));
        try {
            profiles.save(viewer.subject(), in, viewer.verifiedEmail());
        } catch (FieldErrors e) {
            Map<String, String> values = new LinkedHashMap<>();
            form.keySet().forEach(k -> values.put(k, form.getFirst(k)));
            List<String> quals = form.get("qualifications") == null ? List.of() : form.get("qualifications");
            return Response.status(400).entity(Templates.profile(values, quals, e.errors(), EnterpriseProfile.OPTIONS, false,
                    safeNext(form.getFirst("next")), form.getFirst("version") == null, null)).build();
        }
        String next = safeNext(form.getFirst("next"));
        return Response.seeOther(URI.create(next != null ? next : "/my/profile?saved=true")).build();
    }

    /** Only local paths: never an open redirect. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/my/") && !next.startsWith("//") ? next : null;
    }
}

package cn.keyida.portal.needs;

import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/** The one-click satisfaction link from the resolution mail: no login, single use, expiring. */
@Path("/callback/{token}")
@Produces(MediaType.TEXT_HTML)
public class CallbackPages {

    private final NeedService needs;

    CallbackPages(NeedService needs) {
        this.needs = needs;
    }

    public record View(String token, String trackingNo, String title, String resolution) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance callback(View view, List<NeedCallback.Satisfaction> satisfactions,
                List<NeedCallback.Resolved> resolutions, String error, boolean done, boolean reopened);
    }

    @GET
    public Response form(@PathParam("token") String token) {
        View view = QuarkusTransaction.requiringNew().call(() -> CallbackLink.peekValid(NeedService.hash(token))
                .map(l -> {
                    Need n = Need.findById(l.needId);
                    return new View(token, n.trackingNo, n.title, n.resolution);
                }).orElse(null));
        if (view == null) {
            return Response.status(410).entity(page(null, "评价链接无效、已使用或已过期。如需评价，请登录后在“我的需求”中操作。",
                    false, false)).build();
        }
        return Response.ok(page(view, null, false, false)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        try {
            Need need = needs.answerCallbackLink(token, input(form));
            return Response.ok(page(null, null, true, need.status != NeedStatus.CALLBACK_DONE)).build();
        } catch (NeedConflictException e) {
            return Response.status(410).entity(page(null, e.getMessage(), false, false)).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(new View(token, "", "", ""), e.getMessage(), false, false)).build();
        }
    }

    private static TemplateInstance page(View view, String error, boolean done, boolean reopened) {
        return Templates.callback(view, List.of(NeedCallback.Satisfaction.values()),
                List.of(NeedCallback.Resolved.values()), error, done, reopened);
    }

    /** Reads a satisfaction answer from a form (also used by the logged-in rating and staff callbacks). */
    static NeedService.CallbackInput input(MultivaluedMap<String, String> form) {
        boolean reached = !"false".equals(form.getFirst("reached"));
        NeedCallback.Satisfaction satisfaction = Arrays.stream(NeedCallback.Satisfaction.values())
                .filter(s -> s.name().equals(form.getFirst("satisfaction"))).findFirst().orElse(null);
        NeedCallback.Resolved resolved = Arrays.stream(NeedCallback.Resolved.values())
                .filter(r -> r.name().equals(form.getFirst("resolved"))).findFirst().orElse(null);
        if (reached && (satisfaction == null || resolved == null)) {
            throw new InvalidInputException("请选择满意度和解决情况");
        }
        return new NeedService.CallbackInput(reached, satisfaction, resolved, form.getFirst("comment"));
    }
}

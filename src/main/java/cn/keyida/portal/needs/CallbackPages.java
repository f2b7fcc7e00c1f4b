package cn.keyida.portal.needs;

import cn.keyida.portal.web.RateLimited;
import cn.keyida.portal.web.InvalidInputException;
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
import java.util.List;

/** The one-click satisfaction link from the resolution mail: no login, single use, expiring. */
@Path("/callback/{token}")
@Produces(MediaType.TEXT_HTML)
@RateLimited(RateLimited.Budget.LOGIN)
public class CallbackPages {

    private static final String INVALID = "评价链接无效、已使用或已过期。如需评价，请登录后在“我的需求”中操作。";

    private final NeedWorkflow workflow;
    private final NeedViews views;

    CallbackPages(NeedWorkflow workflow, NeedViews views) {
        this.workflow = workflow;
        this.views = views;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance callback(NeedViews.CallbackView view, List<NeedCallback.Satisfaction> satisfactions,
                List<NeedCallback.Resolved> resolutions, String error, boolean done, boolean reopened);
    }

    @GET
    public Response form(@PathParam("token") String token) {
        return views.callback(token).map(view -> Response.ok(page(view, null, false, false)).build())
                .orElseGet(() -> Response.status(410).entity(page(null, INVALID, false, false)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        try {
            Need need = workflow.answerCallbackLink(token, NeedForms.callback(form));
            return Response.ok(page(null, null, true, need.status != NeedStatus.CALLBACK_DONE)).build();
        } catch (NeedConflictException e) {
            // rated meanwhile (here or on the need page): show what was recorded
            return views.callback(token).filter(v -> v.recorded() != null)
                    .map(v -> Response.status(409).entity(page(v, null, false, false)).build())
                    .orElseGet(() -> Response.status(410).entity(page(null, e.getMessage(), false, false)).build());
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(new NeedViews.CallbackView(token, "", "", "", null), e.getMessage(),
                    false, false)).build();
        }
    }

    private static TemplateInstance page(NeedViews.CallbackView view, String error, boolean done, boolean reopened) {
        return Templates.callback(view, List.of(NeedCallback.Satisfaction.values()),
                List.of(NeedCallback.Resolved.values()), error, done, reopened);
    }
}

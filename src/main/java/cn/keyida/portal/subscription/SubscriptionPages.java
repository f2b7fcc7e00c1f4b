package cn.keyida.portal.subscription;

import cn.keyida.portal.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** A logged-in user's saved searches (/subscriptions) and the one-click unsubscribe link of the mails. */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    private final SubscriptionService subscriptions;
    private final Viewer viewer;

    SubscriptionPages(SubscriptionService subscriptions, Viewer viewer) {
        this.subscriptions = subscriptions;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Subscription> subscriptions, Subscription.Frequency[] frequencies,
                String notice);

        static native TemplateInstance unsubscribe(String token, String description);

        static native TemplateInstance unsubscribed(String description);
    }

    @GET
    @Authenticated
    public TemplateInstance list(@QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "created" -> "已订阅。有新的或更新的内容时，我们会按您选择的频率发送邮件。";
            case "saved" -> "推送频率已修改。";
            case "deleted" -> "已删除订阅。";
            default -> null;
        };
        return Templates.list(subscriptions.list(viewer.subject()),
                Subscription.Frequency.values(), notice);
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        subscriptions.subscribe(viewer.subject(), viewer.email(), form.getFirst("query"), form.getFirst("frequency"));
        return Response.seeOther(URI.create("/subscriptions?done=created")).build();
    }

    @POST
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        subscriptions.changeFrequency(id, viewer.subject(), form.getFirst("frequency"));
        return Response.seeOther(URI.create("/subscriptions?done=saved")).build();
    }

    @POST
    @Path("/{id}/delete")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(id, viewer.subject());
        return Response.seeOther(URI.create("/subscriptions?done=deleted")).build();
    }

    /**
     * The link in every mail: works without login and only asks. Opening it (a GET, a HEAD, a mail
     * scanner following links) changes nothing; the page's button posts to {@link OneClickUnsubscribe},
     * which removes only that subscription and comes back here to show the result.
     */
    @GET
    @Path("/unsubscribe/{unsubscribeToken}")
    @PermitAll
    public TemplateInstance unsubscribe(@PathParam("unsubscribeToken") String token, RoutingContext routing) {
        if (routing.get(OneClickUnsubscribe.RESULT) instanceof OneClickUnsubscribe.Result result) {
            // A second click on the same link (or an unknown link) is answered, not treated as an error.
            return Templates.unsubscribed(result.description());
        }
        return Templates.unsubscribe(token, subscriptions.describeByToken(token));
    }
}

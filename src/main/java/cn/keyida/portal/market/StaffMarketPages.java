package cn.keyida.portal.market;

import cn.keyida.portal.needs.FollowUp;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.Downloads;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Staff: the review queue with its SLA, the match board, and the 对接 cases brokers follow. */
@Path("/staff/market")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffMarketPages {

    private final MarketWorkflow workflow;
    private final MarketMatching matching;
    private final CaseWorkflow cases;
    private final MarketViews views;
    private final Viewer viewer;
    private final MarketStatistics statistics;
    private final NeedConversion conversion;
    private final CaseReminders reminders;
    private final MarketAttachments attachments;

    StaffMarketPages(MarketWorkflow workflow, MarketMatching matching, CaseWorkflow cases, MarketViews views, Viewer viewer,
            MarketStatistics statistics, NeedConversion conversion, CaseReminders reminders, MarketAttachments attachments) {
        this.attachments = attachments;
        this.reminders = reminders;
        this.statistics = statistics;
        this.conversion = conversion;
        this.workflow = workflow;
        this.matching = matching;
        this.cases = cases;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(MarketViews.Board b);

        static native TemplateInstance item(MarketViews.Detail d, String error);

        static native TemplateInstance fromNeed(NeedConversion.Draft d, String error);

        static native TemplateInstance limits(List<CaseReminders.Limit> limits, Map<String, String> errors, boolean saved);

        static native TemplateInstance staffCase(MarketViews.CaseDetail d, Map<String, String> errors, String error,
                java.util.List<String> contractTypes, FollowUp.Kind[] kinds);
    }

    @GET
    public TemplateInstance board() {
        return Templates.board(views.board());
    }

    /**
     * Need → demand: the draft form from a 成果转化/技术转移 need, or the demand already made of it.
     */
    @GET
    @Path("/from-need/{needId: \\d+}")
    public Response fromNeedForm(@PathParam("needId") long needId) {
        var existing = conversion.existing(needId);
        if (existing.isPresent()) {
            return Response.seeOther(URI.create("/staff/market/items/" + existing.get().id)).build();
        }
        var need = conversion.source(needId);
        return Response.ok(Templates.fromNeed(new NeedConversion.Draft(need,
                views.newForm(MarketKind.DEMAND, NeedConversion.fromNeed(need), Map.of())), null)).build();
    }

    @POST
    @Path("/from-need/{needId: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("needId") long needId, MultivaluedMap<String, String> form) {
        Map<String, String> values = MarketForms.values(form);
        try {
            MarketItem item = conversion.propose(needId, values, viewer.auditName());
            return Response.seeOther(URI.create("/staff/market/items/" + item.id)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.fromNeed(new NeedConversion.Draft(conversion.source(needId),
                    views.newForm(MarketKind.DEMAND, values, e.errors())), null)).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(Templates.fromNeed(new NeedConversion.Draft(conversion.source(needId),
                    views.newForm(MarketKind.DEMAND, values, Map.of())), e.getMessage())).build();
        }
    }

    @GET
    @Path("/items/{id: \\d+}/files/{marketFile: \\d+}")
    public Response file(@PathParam("id") long id, @PathParam("marketFile") long file) {
        MarketAttachments.File f = attachments.file(id, file, MarketAttachments.Reader.STAFF, null);
        return Downloads.upload(f.fileName(), f.contentType(), f.data());
    }

    /** Admin: the stuck-case limits, working days without progress per open state before the reminder. */
    @GET
    @Path("/limits")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance limits(@QueryParam("saved") boolean saved) {
        return Templates.limits(reminders.limitRows(), Map.of(), saved);
    }

    @POST
    @Path("/limits")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveLimits(MultivaluedMap<String, String> form) {
        try {
            reminders.setLimits(MarketForms.values(form), viewer.auditName());
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.limits(reminders.limitRows(MarketForms.values(form)), e.errors(), false))
                    .build();
        }
        return Response.seeOther(URI.create("/staff/market/limits?saved=true")).build();
    }

    /** Every market figure, small groups included, as .xlsx. */
    @GET
    @Path("/figures.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response figures() {
        return Downloads.export(statistics.xlsx(false), "market-figures-staff.xlsx");
    }

    @GET
    @Path("/items/{id: \\d+}")
    public TemplateInstance item(@PathParam("id") long id) {
        return Templates.item(views.staff(id), null);
    }

    @POST
    @Path("/items/{id: \\d+}/{decision: approve|return|takedown|match}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @PathParam("decision") String action, MultivaluedMap<String, String> form) {
        String actor = viewer.auditName();
        try {
            switch (action) {
                case "approve" -> workflow.approve(id, MarketForms.version(form), form.getFirst("note"), actor);
                case "return" -> workflow.returnItem(id, MarketForms.version(form), form.getFirst("reason"), actor);
                case "takedown" -> workflow.takeDownByStaff(id, MarketForms.version(form), form.getFirst("reason"), actor);
                default -> matching.match(id);
            }
        } catch (InvalidInputException | ConflictException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400).entity(Templates.item(views.staff(id), e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/market/items/" + id)).build();
    }

    /** A broker opens a 对接 case from a pair on the match board. */
    @POST
    @Path("/matches/{id: \\d+}/case")
    @RolesAllowed(Roles.BROKER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response caseFromMatch(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        MarketCase c = cases.fromMatch(id, viewer.auditName());
        return Response.seeOther(URI.create("/staff/market/cases/" + c.id)).build();
    }

    @GET
    @Path("/cases/{id: \\d+}")
    public TemplateInstance staffCase(@PathParam("id") long id) {
        return Templates.staffCase(views.caseForStaff(id), Map.of(), null, MarketCase.CONTRACT_TYPES, FollowUp.Kind.values());
    }

    @POST
    @Path("/cases/{id: \\d+}/{caseAction: negotiate|sign|register|terminate|reassign|followup}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("caseAction") String action, MultivaluedMap<String, String> form) {
        String actor = viewer.auditName();
        try {
            switch (action) {
                case "negotiate" -> cases.negotiate(id, MarketForms.version(form), form.getFirst("note"), actor);
                case "sign" -> cases.sign(id, MarketForms.version(form), MarketForms.values(form), actor);
                case "register" -> cases.register(id, MarketForms.version(form), form.getFirst("registrationNo"),
                        form.getFirst("registeringBody"), actor);
                case "terminate" -> cases.terminate(id, MarketForms.version(form), form.getFirst("reason"), actor);
                case "reassign" -> cases.reassign(id, MarketForms.version(form), form.getFirst("broker"), actor);
                case "followup" -> cases.followUp(id, kind(form.getFirst("kind")), form.getFirst("notes"),
                        form.getFirst("public") != null, actor);
                default -> throw new NotFoundException();
            }
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.staffCase(views.caseForStaff(id), e.errors(), null,
                    MarketCase.CONTRACT_TYPES, FollowUp.Kind.values())).build();
        } catch (InvalidInputException | ConflictException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400).entity(Templates.staffCase(
                    views.caseForStaff(id), Map.of(), e.getMessage(), MarketCase.CONTRACT_TYPES, FollowUp.Kind.values())).build();
        }
        return Response.seeOther(URI.create("/staff/market/cases/" + id)).build();
    }

    private static FollowUp.Kind kind(String value) {
        try {
            return value == null ? null : FollowUp.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package cn.keyida.portal.needs;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The staff queue and the handling of one need. */
@Path("/staff/needs")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffNeedPages {

    private static final int PAGE_SIZE = 30;

    private final NeedService needs;
    private final NeedExport export;
    private final Viewer viewer;

    StaffNeedPages(NeedService needs, NeedExport export, Viewer viewer) {
        this.needs = needs;
        this.export = export;
        this.viewer = viewer;
    }

    public record Row(Need need, String enterprise, String district, String maskedMobile, String assigneeName,
            boolean overdue, boolean dueSoon) {}

    public record Filters(String status, String category, String district, String assignee, boolean overdue,
            String from, String to, String sort) {}

    public record Queue(List<Row> rows, long total, Map<NeedStatus, Long> counts, Filters filters, int page, int pages,
            List<NeedCategory> categories, List<StaffMember> staff, List<String> districts, List<NeedStatus> statuses) {}

    public record Detail(Need need, EnterpriseProfile enterprise, List<NeedEvent> timeline, List<FollowUp> followUps,
            List<NeedAttachment> attachments, List<NeedCallback> callbacks, List<StaffMember> staff,
            String assigneeName, List<FollowUp.Kind> kinds, List<NeedCallback.Satisfaction> satisfactions,
            List<NeedCallback.Resolved> resolutions, List<String> replyTemplates, boolean overdue) {}

    static final List<String> REPLY_TEMPLATES = List.of(
            "您好，您的需求已收到，我们将安排专人对接，请保持电话畅通。",
            "您好，根据您的需求，已为您匹配相关政策/专家，详情见附言，如有疑问请随时联系。",
            "您好，为更好地办理您的需求，请补充企业近一年研发投入及相关证明材料。",
            "您好，您的需求已办理完毕，欢迎对本次服务进行评价。");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Queue q);

        static native TemplateInstance detail(Detail d, String error);
    }

    @GET
    public TemplateInstance queue(@Context UriInfo uri) {
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Filters f = new Filters(p.getFirst("status"), p.getFirst("category"), p.getFirst("district"),
                p.getFirst("assignee"), "true".equals(p.getFirst("overdue")), p.getFirst("from"), p.getFirst("to"),
                p.getFirst("sort"));
        int page = parsePage(p.getFirst("page"));
        return QuarkusTransaction.requiringNew().call(() -> Templates.queue(load(f, page)));
    }

    @GET
    @Path("/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response xlsx(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] range = DashboardPages.range(from, to);
        byte[] data = QuarkusTransaction.requiringNew().call(() ->
                export.xlsx(export.needs(range[0], range[1]), export.followUps(range[0], range[1])));
        return attachment(data, "needs-" + name(range) + ".xlsx");
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("table") String table) {
        LocalDate[] range = DashboardPages.range(from, to);
        boolean followUps = "followups".equals(table);
        byte[] data = QuarkusTransaction.requiringNew().call(() -> export.csv(followUps
                ? export.followUps(range[0], range[1]) : export.needs(range[0], range[1])));
        return attachment(data, (followUps ? "followups-" : "needs-") + name(range) + ".csv");
    }

    private static String name(LocalDate[] range) {
        return range[0].format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + range[1].format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static Response attachment(byte[] data, String fileName) {
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @GET
    @Path("/{id: \\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return QuarkusTransaction.requiringNew().call(() -> Templates.detail(detailOf(id), null));
    }

    @POST
    @Path("/{id: \\d+}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        NeedService.Actor actor = new NeedService.Actor(viewer.username(), viewer.displayName());
        try {
            switch (action) {
                case "accept" -> needs.accept(id, MyNeedPages.version(form), form.getFirst("note"), actor);
                case "return" -> needs.returnNeed(id, MyNeedPages.version(form), form.getFirst("reason"), actor);
                case "assign" -> needs.assign(id, MyNeedPages.version(form), form.getFirst("assignee"),
                        form.getFirst("note"), actor);
                case "start" -> needs.start(id, MyNeedPages.version(form), actor);
                case "ask" -> needs.askInformation(id, MyNeedPages.version(form), form.getFirst("question"), actor);
                case "resolve" -> needs.resolve(id, MyNeedPages.version(form), form.getFirst("resolution"), actor);
                case "callback" -> needs.recordCallback(id, MyNeedPages.version(form), CallbackPages.input(form), actor);
                case "close" -> needs.close(id, MyNeedPages.version(form), actor);
                case "followup" -> needs.recordFollowUp(id, followUp(form), actor);
                default -> throw new NotFoundException();
            }
        } catch (InvalidInputException | NeedConflictException e) {
            int status = e instanceof NeedConflictException ? 409 : 400;
            return Response.status(status).entity(QuarkusTransaction.requiringNew().call(() ->
                    Templates.detail(detailOf(id), e.getMessage()))).build();
        }
        return Response.seeOther(URI.create("/staff/needs/" + id)).build();
    }

    @GET
    @Path("/{id: \\d+}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachment") long attachment) {
        return QuarkusTransaction.requiringNew().call(() -> download(NeedAttachment.<NeedAttachment>find(
                "id = ?1 and needId = ?2", attachment, id).firstResultOptional().orElseThrow(NotFoundException::new)));
    }

    /** Served as a download, never rendered inline: an uploaded file cannot run in the portal's origin. */
    static Response download(NeedAttachment a) {
        String encoded = URLEncoder.encode(a.fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(a.data, a.contentType)
                .header("Content-Disposition", "attachment; filename=\"attachment\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    Queue load(Filters f, int page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        Arrays.stream(NeedStatus.values()).filter(s -> s.name().equals(f.status())).findFirst().ifPresent(s -> {
            where.append(" and n.status = :status");
            params.and("status", s);
        });
        if (f.category() != null && !f.category().isBlank()) {
            where.append(" and n.category.code = :category");
            params.and("category", f.category());
        }
        if (f.district() != null && !f.district().isBlank()) {
            where.append(" and n.enterprise.district = :district");
            params.and("district", f.district());
        }
        if (f.assignee() != null && !f.assignee().isBlank()) {
            where.append(" and n.assignee = :assignee");
            params.and("assignee", f.assignee());
        }
        LocalDate today = Sla.today();
        if (f.overdue()) {
            where.append(" and ((n.status = 'SUBMITTED' and n.acceptDue < :today)"
                    + " or (n.status in ('ACCEPTED', 'ASSIGNED', 'IN_PROGRESS') and n.resolveDue < :today)"
                    + " or (n.status = 'RESOLVED' and n.callbackDue < :today))");
            params.and("today", today);
        }
        LocalDate from = date(f.from());
        LocalDate to = date(f.to());
        if (from != null) {
            where.append(" and n.submittedAt >= :from");
            params.and("from", from.atStartOfDay(Sla.CHINA).toInstant());
        }
        if (to != null) {
            where.append(" and n.submittedAt < :to");
            params.and("to", to.plusDays(1).atStartOfDay(Sla.CHINA).toInstant());
        }
        String order = switch (f.sort() == null ? "" : f.sort()) {
            case "oldest" -> "n.submittedAt asc";
            case "due" -> "coalesce(n.resolveDue, n.acceptDue) asc nulls last, n.id";
            default -> "n.submittedAt desc";
        };
        var query = Need.<Need>find("from Need n where " + where + " order by " + order, params);
        long total = query.count();
        List<Need> list = query.page(Page.of(page - 1, PAGE_SIZE)).list();
        Map<String, String> names = staffNames();
        List<Row> rows = list.stream().map(n -> new Row(n, n.enterprise.name, n.enterprise.district,
                MobileNumber.mask(n.enterprise.mobile), names.get(n.assignee), n.isOverdue(today), n.isDueSoon(today)))
                .toList();
        Map<NeedStatus, Long> counts = new LinkedHashMap<>();
        for (NeedStatus s : NeedStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] r : Need.getEntityManager().createQuery("select n.status, count(n) from Need n group by n.status",
                Object[].class).getResultList()) {
            counts.put((NeedStatus) r[0], (Long) r[1]);
        }
        list.forEach(n -> n.category.name.length());
        return new Queue(rows, total, counts, f, page, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE),
                NeedCategory.listAllSorted(), StaffMember.listActive(), EnterpriseProfile.DISTRICTS,
                List.of(NeedStatus.values()));
    }

    private Detail detailOf(long id) {
        Need need = Need.<Need>findByIdOptional(id).orElseThrow(() -> new NotFoundException("需求不存在"));
        need.category.name.length();
        EnterpriseProfile e = need.enterprise;
        e.name.length();
        return new Detail(need, e, NeedEvent.timeline(id, false), FollowUp.forNeed(id, false),
                NeedAttachment.forNeed(id), NeedCallback.forNeed(id), StaffMember.listActive(),
                staffNames().get(need.assignee), List.of(FollowUp.Kind.values()),
                List.of(NeedCallback.Satisfaction.values()), List.of(NeedCallback.Resolved.values()), REPLY_TEMPLATES,
                need.isOverdue(Sla.today()));
    }

    static Map<String, String> staffNames() {
        Map<String, String> names = new LinkedHashMap<>();
        StaffMember.<StaffMember>listAll().forEach(s -> names.put(s.username, s.displayName));
        return names;
    }

    private static NeedService.FollowUpInput followUp(MultivaluedMap<String, String> form) {
        FollowUp.Kind kind = Arrays.stream(FollowUp.Kind.values()).filter(k -> k.name().equals(form.getFirst("kind")))
                .findFirst().orElse(null);
        Instant at = null;
        String when = form.getFirst("happenedAt");
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when.strip()).atZone(Sla.CHINA).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("跟进时间格式不正确");
            }
        }
        LocalDate next = date(form.getFirst("nextStepDate"));
        return new NeedService.FollowUpInput(kind, at, form.getFirst("participants"), form.getFirst("notes"),
                form.getFirst("outcome"), next, "on".equals(form.getFirst("public")));
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("日期格式应为 年-月-日：" + value);
        }
    }

    private static int parsePage(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

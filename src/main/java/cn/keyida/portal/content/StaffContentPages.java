package cn.keyida.portal.content;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Staff content management: list, create, edit, preview, publish, unpublish, archive, import. */
@Path("/staff/content")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class StaffContentPages {

    private static final int PAGE_SIZE = 30;

    private final ContentService content;
    private final ContentImport importer;
    private final ObjectMapper json;
    private final Viewer viewer;
    private final PortalClock clock;

    StaffContentPages(ContentService content, ContentImport importer, ObjectMapper json, Viewer viewer,
            PortalClock clock) {
        this.clock = clock;
        this.content = content;
        this.importer = importer;
        this.json = json;
        this.viewer = viewer;
    }

    public record Filters(String q, String type, String status) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ContentItem> items, Filters filters, long total, int page,
                int pages, List<ContentType> types, List<ContentStatus> statuses);

        static native TemplateInstance edit(ContentItem item, ContentType type, List<ContentFields.Field> fields,
                Map<String, String> values, List<ContentAudit> audit, String error, boolean saved);

        static native TemplateInstance importPage(ContentImport.Report report, String fileName);
    }

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("page") Integer page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(title) like :q or slug like :q)");
            params.and("q", "%" + q.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        ContentType.fromCode(type == null ? "" : type).ifPresent(t -> {
            where.append(" and type = :type");
            params.and("type", t);
        });
        Arrays.stream(ContentStatus.values()).filter(s -> s.name().equals(status)).findFirst().ifPresent(s -> {
            where.append(" and status = :status");
            params.and("status", s);
        });
        var query = ContentItem.<ContentItem>find(where + " order by updatedAt desc", params);
        long total = query.count();
        int p = page == null || page < 1 ? 1 : page;
        List<ContentItem> items = query.page(Page.of(p - 1, PAGE_SIZE)).list();
        return Templates.list(items, new Filters(q, type, status), total, p,
                (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE), List.of(ContentType.values()),
                List.of(ContentStatus.values()));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm(@QueryParam("type") String type) {
        ContentType t = ContentType.fromCode(type == null ? "policy" : type)
                .orElseThrow(() -> new BadRequestException("类型不正确"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("region", "广元市");
        values.put("level", "municipal");
        values.put("publish_date", clock.today().toString());
        return Templates.edit(null, t, ContentFields.forType(t), values, List.of(), null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        ContentType type = ContentType.fromCode(value(form, "type")).orElseThrow(() -> new BadRequestException("类型不正确"));
        try {
            ContentItem item = content.create(record(form, value(form, "id"), type), viewer.auditName());
            return Response.seeOther(URI.create("/staff/content/" + item.id + "?saved=1")).build();
        } catch (ContentValidationException e) {
            return Response.status(400).entity(Templates.edit(null, type, ContentFields.forType(type),
                    values(form), List.of(), e.getMessage(), false)).build();
        }
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") boolean saved) {
        ContentItem item = find(id);
        Map<String, String> values = formValues(ContentService.toRecord(item));
        return Templates.edit(item, item.type, ContentFields.forType(item.type), values,
                ContentAudit.trail(id), null, saved);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        ContentItem current = reload(id);
        try {
            content.update(id, version(form), record(form, current.slug, current.type), viewer.auditName());
            return Response.seeOther(URI.create("/staff/content/" + id + "?saved=1")).build();
        } catch (ContentValidationException | ConflictException e) {
            // Show the form again with what the user typed, so nothing they wrote is lost.
            int status = e instanceof ConflictException ? 409 : 400;
            ContentItem latest = reload(id);
            return Response.status(status).entity(Templates.edit(latest, latest.type,
                    ContentFields.forType(latest.type), values(form), trail(id), e.getMessage(), false)).build();
        }
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        ContentStatus to = Arrays.stream(ContentStatus.values()).filter(s -> s.name().equals(value(form, "to")))
                .findFirst().orElseThrow(() -> new BadRequestException("目标状态不正确"));
        try {
            content.changeStatus(id, version(form), to, viewer.auditName());
            return Response.seeOther(URI.create("/staff/content/" + id + "?saved=1")).build();
        } catch (ConflictException e) {
            ContentItem latest = reload(id);
            return Response.status(409).entity(Templates.edit(latest, latest.type, ContentFields.forType(latest.type),
                    formValues(ContentService.toRecord(latest)), trail(id), e.getMessage(), false)).build();
        }
    }

    @GET
    @Path("/{id}/preview")
    @Transactional
    public TemplateInstance preview(@PathParam("id") long id) {
        return ContentPages.render(find(id), true, List.of(), clock.today());
    }

    @GET
    @Path("/import")
    public TemplateInstance importForm() {
        return Templates.importPage(null, null);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return Response.status(400).entity(Templates.importPage(
                    new ContentImport.Report(0, 0, 0, List.of(new ContentImport.LineError(0, "请选择一个 JSONL 文件")))
                    , null)).build();
        }
        ContentImport.Report report;
        try (BufferedReader reader = Files.newBufferedReader(file.uploadedFile(), StandardCharsets.UTF_8)) {
            report = importer.importJsonl(reader, viewer.auditName());
        }
        return Response.ok(Templates.importPage(report, file.fileName())).build();
    }

    private ContentRecord record(MultivaluedMap<String, String> form, String slug, ContentType type) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ContentFields.Field f : ContentFields.forType(type)) {
            String v = value(form, f.name());
            m.put(f.name(), switch (f.kind()) {
                case LIST -> split(v, "[,，、;；\\n]");
                case LINES -> split(v, "\\n");
                default -> v;
            });
        }
        m.put("id", slug);
        m.put("type", type.code);
        return json.convertValue(m, ContentRecord.class);
    }

    private Map<String, String> formValues(ContentRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        json.convertValue(record, Map.class).forEach((k, v) -> values.put((String) k,
                v == null ? "" : v instanceof List<?> l ? String.join(k.equals("source_extra") ? "\n" : "，",
                        l.stream().map(String::valueOf).toList()) : v.toString()));
        return values;
    }

    private static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.keySet().forEach(k -> values.put(k, value(form, k)));
        return values;
    }

    private static List<String> split(String v, String separators) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(separators)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }

    private static long version(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(value(form, "version"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("缺少版本号，请刷新页面后重试");
        }
    }

    private static ContentItem find(long id) {
        return ContentItem.<ContentItem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("内容不存在"));
    }

    private static ContentItem reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> find(id));
    }

    private static List<ContentAudit> trail(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ContentAudit.trail(id));
    }
}

package cn.keyida.portal.content;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
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

    private final ContentService content;
    private final ContentViews views;
    private final ContentImport importer;
    private final ObjectMapper json;
    private final Viewer viewer;
    private final PortalClock clock;

    StaffContentPages(ContentService content, ContentViews views, ContentImport importer, ObjectMapper json,
            Viewer viewer, PortalClock clock) {
        this.clock = clock;
        this.content = content;
        this.views = views;
        this.importer = importer;
        this.json = json;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ContentItem> items, ContentViews.Filters filters, long total, int page,
                int pages, List<ContentType> types, List<ContentStatus> statuses);

        static native TemplateInstance edit(ContentItem item, ContentType type, List<ContentFields.Field> fields,
                Map<String, String> values, List<ContentAudit> audit, String error, String saved);

        static native TemplateInstance importPage(ContentImport.Report report, String fileName);

        static native TemplateInstance sources(ContentViews.Sources sources);
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("page") Integer page) {
        ContentViews.StaffList l = views.staffList(new ContentViews.Filters(q, type, status), page);
        return Templates.list(l.items(), l.filters(), l.total(), l.page(), l.pages(), List.of(ContentType.values()),
                List.of(ContentStatus.values()));
    }

    /** Items whose source is not an official site, to fix (the public page says 转载自 for them). */
    @GET
    @Path("/sources")
    public TemplateInstance sources() {
        return Templates.sources(views.unofficialSources());
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
        return Templates.edit(null, t, ContentFields.forType(t), values, List.of(), null, "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        ContentType type = ContentType.fromCode(value(form, "type")).orElseThrow(() -> new BadRequestException("类型不正确"));
        try {
            ContentItem item = content.create(record(form, value(form, "id"), type), viewer.auditName());
            return Response.seeOther(URI.create("/staff/content/" + item.id + "?saved=saved")).build();
        } catch (ContentValidationException e) {
            return Response.status(400).entity(Templates.edit(null, type, ContentFields.forType(type),
                    values(form), List.of(), e.getMessage(), "")).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") String saved) {
        ContentViews.Edit e = views.edit(id);
        String what = saved == null ? "" : switch (saved) {
            case "saved", "1" -> "saved";
            case "published" -> "published";
            case "status" -> "status";
            default -> "";
        };
        return Templates.edit(e.item(), e.item().type, ContentFields.forType(e.item().type), e.values(), e.audit(),
                null, what);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        ContentItem current = views.item(id);
        boolean publish = "true".equals(value(form, "publish"));
        try {
            if (publish) {
                content.updateAndPublish(id, version(form), record(form, current.slug, current.type), viewer.auditName());
            } else {
                content.update(id, version(form), record(form, current.slug, current.type), viewer.auditName());
            }
            return Response.seeOther(URI.create("/staff/content/" + id + "?saved=" + (publish ? "published" : "saved")))
                    .build();
        } catch (ContentValidationException | ConflictException e) {
            // Show the form again with what the user typed, so nothing they wrote is lost.
            int status = e instanceof ConflictException ? 409 : 400;
            ContentViews.Edit latest = views.edit(id);
            return Response.status(status).entity(Templates.edit(latest.item(), latest.item().type,
                    ContentFields.forType(latest.item().type), values(form), latest.audit(), e.getMessage(), ""))
                    .build();
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
            return Response.seeOther(URI.create("/staff/content/" + id + "?saved=status")).build();
        } catch (ConflictException e) {
            ContentViews.Edit latest = views.edit(id);
            return Response.status(409).entity(Templates.edit(latest.item(), latest.item().type,
                    ContentFields.forType(latest.item().type), latest.values(), latest.audit(), e.getMessage(), ""))
                    .build();
        }
    }

    @GET
    @Path("/{id}/preview")
    public TemplateInstance preview(@PathParam("id") long id) {
        return DetailPage.of(views.preview(id), true, List.of());
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
}

package cn.keyida.portal.matching;

import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.enterprise.EnterpriseProfile;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Staff attach eligibility conditions to a policy or finance product (/staff/content/{id}/conditions). */
@Path("/staff/content/{id}/conditions")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class EligibilityPages {

    private final MatchingService matching;
    private final Viewer viewer;

    EligibilityPages(MatchingService matching, Viewer viewer) {
        this.matching = matching;
        this.viewer = viewer;
    }

    public record NumberField(String key, String label) {}

    public record Options(List<String> districts, List<String> qualifications, List<NumberField> numbers) {}

    static final Options OPTIONS = new Options(EnterpriseProfile.DISTRICTS, EnterpriseProfile.QUALIFICATIONS, List.of(
            new NumberField("minEmployees", "职工人数下限（人）"), new NumberField("maxEmployees", "职工人数上限（人）"),
            new NumberField("minRevenue", "年营业收入下限（万元）"), new NumberField("maxRevenue", "年营业收入上限（万元）"),
            new NumberField("minRdRatio", "研发投入占比下限（%）"), new NumberField("minYears", "成立年限下限（年）"),
            new NumberField("maxYears", "成立年限上限（年）")));

    public record Form(Map<String, String> values, List<String> requiredTags, List<String> excludedTags,
            List<String> districts) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conditions(ContentItem item, Form form, Map<String, String> errors,
                Options options, boolean saved, String conflict);
    }

    @GET
    public TemplateInstance form(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("saved") boolean saved) {
        MatchingService.Conditions c = matching.conditions(id);
        Form form = c.rule() == null ? new Form(Map.of(), List.of(), List.of(), List.of()) : toForm(c.rule());
        return Templates.conditions(c.item(), form, Map.of(), OPTIONS, saved, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        List<RdTier> tiers;
        try {
            tiers = parseTiers(f.getFirst("rdTiers"));
        } catch (FieldErrors e) {
            return Response.status(400).entity(rerender(id, f, e.errors(), null)).build();
        }
        EligibilityInput in = new EligibilityInput(null, f.get("requiredTags"), f.get("excludedTags"), f.get("districts"),
                lines(f.getFirst("industries"), "[、，,\\s]+"), f.getFirst("minEmployees"), f.getFirst("maxEmployees"),
                f.getFirst("minRevenue"), f.getFirst("maxRevenue"), f.getFirst("minRdRatio"), tiers, f.getFirst("minYears"),
                f.getFirst("maxYears"), lines(f.getFirst("manualConditions"), "\\R"), f.getFirst("benefit"),
                f.getFirst("applyDeadline"));
        String v = f.getFirst("version");
        Long version;
        try {
            version = v == null || v.isBlank() ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new cn.keyida.portal.web.InvalidInputException("版本号不正确，请刷新页面后重试");
        }
        try {
            matching.save(id, version, in, viewer.auditName());
            return Response.seeOther(URI.create("/staff/content/" + id + "/conditions?saved=true")).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(rerender(id, f, e.errors(), null)).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(rerender(id, f, Map.of(), e.getMessage())).build();
        }
    }

    private TemplateInstance rerender(long id, MultivaluedMap<String, String> f, Map<String, String> errors,
            String conflict) {
        Map<String, String> values = new LinkedHashMap<>();
        f.keySet().forEach(k -> values.put(k, f.getFirst(k)));
        ContentItem item = matching.conditions(id).item();
        return Templates.conditions(item, new Form(values, list(f, "requiredTags"), list(f, "excludedTags"),
                list(f, "districts")), errors, OPTIONS, false, conflict);
    }

    private static Form toForm(Eligibility e) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("industries", String.join("、", e.industries));
        v.put("minEmployees", str(e.minEmployees));
        v.put("maxEmployees", str(e.maxEmployees));
        v.put("minRevenue", e.minRevenue == null ? "" : Matcher.plain(e.minRevenue));
        v.put("maxRevenue", e.maxRevenue == null ? "" : Matcher.plain(e.maxRevenue));
        v.put("minRdRatio", e.minRdRatio == null ? "" : Matcher.plain(e.minRdRatio));
        v.put("rdTiers", formatTiers(e.rdTiers));
        v.put("minYears", str(e.minYears));
        v.put("maxYears", str(e.maxYears));
        v.put("manualConditions", String.join("\n", e.manualConditions));
        v.put("benefit", e.benefit);
        v.put("applyDeadline", e.applyDeadline == null ? "" : e.applyDeadline.toString());
        v.put("version", String.valueOf(e.version));
        return new Form(v, e.requiredTags, e.excludedTags, e.districts);
    }

    /** The form's tier lines, one band each: "5000：5" (up to 5000 万元, at least 5 %), the last "以上：3". */
    static List<RdTier> parseTiers(String text) {
        List<RdTier> tiers = new java.util.ArrayList<>();
        for (String line : lines(text, "\\R")) {
            String[] parts = line.replaceAll("万元|%|％", " ").strip().split("[\\s:：=,，]+");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                boolean open = parts[0].equals("以上") || parts[0].equals("-");
                tiers.add(new RdTier(open ? null : new BigDecimal(parts[0]), new BigDecimal(parts[1])));
            } catch (NumberFormatException e) {
                throw new FieldErrors(Map.of("rdTiers", "分档条件“" + line.strip() + "”格式不正确，应为“5000：5”或“以上：3”"));
            }
        }
        return tiers;
    }

    static String formatTiers(List<RdTier> tiers) {
        return String.join("\n", tiers.stream().map(t -> (t.upTo() == null ? "以上" : Matcher.plain(t.upTo())) + "："
                + Matcher.plain(t.minRdRatio())).toList());
    }

    private static String str(Object o) {
        return o == null ? "" : o instanceof BigDecimal d ? Matcher.plain(d) : o.toString();
    }

    private static List<String> lines(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).filter(s -> !s.isBlank()).toList();
    }

    private static List<String> list(MultivaluedMap<String, String> f, String key) {
        return f.get(key) == null ? List.of() : f.get(key);
    }
}

package cn.keyida.portal.matching;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.enterprise.ProfilePages;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy calculator (政策计算器): {@code /matching} for anyone, values typed by hand;
 * {@code /my/matches} from the enterprise's profile, with a "what if" that changes values without
 * saving them; {@code /my/messages} the in-site messages. (Separate root paths: JAX-RS picks the
 * class by its longest matching path, and {@code /my} belongs to the needs pages.)
 */
@Path("/matching")
@Produces(MediaType.TEXT_HTML)
public class MatchingPages {

    private final MatchingService matching;
    private final PortalClock clock;

    MatchingPages(MatchingService matching, PortalClock clock) {
        this.matching = matching;
        this.clock = clock;
    }

    /** The profile form's choices: the calculator asks the same questions. */
    static final EnterpriseProfile.Options OPTIONS = EnterpriseProfile.OPTIONS;

    /** What the page shows: the values used, and the results (null before the first calculation). */
    public record View(String action, boolean personal, boolean whatIf, Map<String, String> values,
            Set<String> qualifications, Map<String, String> errors, MatchingService.Matches matches, LocalDate today) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance matches(View view, EnterpriseProfile.Options options);

        static native TemplateInstance messages(List<EnterpriseMessage> messages);
    }

    @GET
    @PermitAll
    public Response calculator(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        if (q.isEmpty()) {
            return Response.ok(Templates.matches(new View("/matching", false, false, Map.of(), Set.of(), Map.of(),
                    null, clock.today()), OPTIONS)).build();
        }
        return calculate(matching, clock.today(), "/matching", false, false, q);
    }

    static Response calculate(MatchingService matching, LocalDate today, String action, boolean personal, boolean whatIf,
            MultivaluedMap<String, String> q) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : List.of("district", "industry", "employees", "revenueBand", "rdRatio", "registeredOn")) {
            String v = q.getFirst(k);
            values.put(k, v == null ? "" : v.strip());
        }
        Set<String> quals = new HashSet<>(q.get("qualifications") == null ? List.of() : q.get("qualifications"));
        try {
            Facts facts = facts(values, quals);
            return Response.ok(Templates.matches(new View(action, personal, whatIf, values, quals, Map.of(),
                    matching.match(facts, today), today), OPTIONS)).build();
        } catch (FieldErrors e) {
            return Response.status(400).entity(Templates.matches(new View(action, personal, whatIf, values, quals,
                    e.errors(), null, today), OPTIONS)).build();
        }
    }

    /** Reads typed values; what cannot be read is an error, what is empty is "not stated". */
    static Facts facts(Map<String, String> v, Set<String> quals) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        String district = v.get("district");
        if (!district.isEmpty() && !EnterpriseProfile.DISTRICTS.contains(district)) {
            e.add("district", "请选择所在区县");
        }
        if (!EnterpriseProfile.QUALIFICATIONS.containsAll(quals)) {
            e.add("qualifications", "资质选项不正确");
        }
        String industry = v.get("industry");
        if (industry.length() > 50) {
            e.add("industry", "所属行业不能超过 50 个字");
        }
        Integer employees = null;
        if (!v.get("employees").isEmpty()) {
            try {
                employees = Integer.valueOf(v.get("employees"));
                if (employees < 0) {
                    e.add("employees", "职工人数不能为负数");
                }
            } catch (NumberFormatException ex) {
                e.add("employees", "职工人数应为整数");
            }
        }
        String band = v.get("revenueBand");
        if (!band.isEmpty() && !EnterpriseProfile.REVENUE_BANDS.contains(band)) {
            e.add("revenueBand", "营业收入区间不正确");
        }
        BigDecimal rd = null;
        if (!v.get("rdRatio").isEmpty()) {
            try {
                rd = new BigDecimal(v.get("rdRatio"));
                if (rd.signum() < 0 || rd.compareTo(BigDecimal.valueOf(100)) > 0) {
                    e.add("rdRatio", "研发投入占比应在 0 到 100 之间");
                }
            } catch (NumberFormatException ex) {
                e.add("rdRatio", "研发投入占比应为数字，如 3.5");
            }
        }
        LocalDate registered = null;
        if (!v.get("registeredOn").isEmpty()) {
            try {
                registered = LocalDate.parse(v.get("registeredOn"));
            } catch (DateTimeParseException ex) {
                e.add("registeredOn", "成立日期格式应为 2018-06-30");
            }
        }
        e.throwIfAny();
        return new Facts(district.isEmpty() ? null : district, industry.isEmpty() ? null : industry, quals, employees,
                band.isEmpty() ? null : band, rd, registered);
    }

    @Path("/my/matches")
    @RolesAllowed(Roles.ENTERPRISE)
    @Produces(MediaType.TEXT_HTML)
    public static class Mine {

        private final MatchingService matching;
        private final Viewer viewer;
        private final PortalClock clock;

        Mine(MatchingService matching, Viewer viewer, PortalClock clock) {
            this.matching = matching;
            this.viewer = viewer;
            this.clock = clock;
        }

        @GET
        public Response mine(@Context UriInfo uri) {
            MultivaluedMap<String, String> q = uri.getQueryParameters();
            if (q.containsKey("whatif")) {
                return calculate(matching, clock.today(), "/my/matches", true, true, q);
            }
            LocalDate today = clock.today();
            return matching.mine(viewer.subject(), today)
                    .map(m -> Response.ok(Templates.matches(new View("/my/matches", true, false, m.values(),
                            m.qualifications(), Map.of(), m.matches(), today), OPTIONS)).build())
                    .orElseGet(() -> Response.seeOther(java.net.URI.create("/my/profile?next=/my/matches")).build());
        }
    }

    @Path("/my/messages")
    @RolesAllowed(Roles.ENTERPRISE)
    @Produces(MediaType.TEXT_HTML)
    public static class Messages {

        private final MatchingService matching;
        private final Viewer viewer;

        Messages(MatchingService matching, Viewer viewer) {
            this.matching = matching;
            this.viewer = viewer;
        }

        @GET
        public TemplateInstance messages() {
            return Templates.messages(matching.readMessages(viewer.subject()));
        }
    }
}

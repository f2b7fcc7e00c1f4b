package cn.keyida.portal.admin;

import cn.keyida.portal.needs.CalendarDay;
import cn.keyida.portal.needs.Department;
import cn.keyida.portal.needs.NeedCategory;
import cn.keyida.portal.needs.StaffMember;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Admin settings: need categories and their deadlines, the holiday calendar, departments and staff. */
@Path("/staff/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{2,100}");

    public record Settings(List<NeedCategory> categories, List<CalendarDay> days, List<Department> departments,
            List<StaffMember> staff) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Settings s, String error, boolean saved);
    }

    @GET
    public TemplateInstance settings() {
        return page(null, false);
    }

    @GET
    @Path("/saved")
    public TemplateInstance saved() {
        return page(null, true);
    }

    @POST
    @Path("/categories/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response category(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        return change(() -> {
            NeedCategory c = NeedCategory.<NeedCategory>findByIdOptional(code).orElseThrow(NotFoundException::new);
            c.acceptDays = days(form.getFirst("acceptDays"), 0, 60, "受理时限");
            c.resolveDays = days(form.getFirst("resolveDays"), 1, 365, "办结时限");
            c.callbackDays = days(form.getFirst("callbackDays"), 0, 60, "回访时限");
            c.active = "on".equals(form.getFirst("active"));
        });
    }

    @POST
    @Path("/days")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDay(MultivaluedMap<String, String> form) {
        return change(() -> {
            LocalDate day;
            try {
                day = LocalDate.parse(String.valueOf(form.getFirst("day")));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("请填写日期");
            }
            CalendarDay d = CalendarDay.<CalendarDay>findByIdOptional(day).orElseGet(CalendarDay::new);
            d.day = day;
            d.kind = "WORKDAY".equals(form.getFirst("kind")) ? CalendarDay.Kind.WORKDAY : CalendarDay.Kind.HOLIDAY;
            d.name = text(form.getFirst("name"), 50);
            d.persist();
        });
    }

    @POST
    @Path("/days/{day}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteDay(@PathParam("day") String day) {
        return change(() -> CalendarDay.deleteById(LocalDate.parse(day)));
    }

    @POST
    @Path("/departments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDepartment(MultivaluedMap<String, String> form) {
        return change(() -> {
            String name = text(form.getFirst("name"), 100);
            if (name.isEmpty()) {
                throw new InvalidInputException("请填写部门名称");
            }
            if (Department.count("name", name) > 0) {
                throw new InvalidInputException("部门已存在");
            }
            Department d = new Department();
            d.name = name;
            d.persist();
        });
    }

    /** Adds or updates who belongs to which department; the login itself is managed in Keycloak. */
    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveStaff(MultivaluedMap<String, String> form) {
        return change(() -> {
            String username = String.valueOf(form.getFirst("username")).strip();
            if (!USERNAME.matcher(username).matches()) {
                throw new InvalidInputException("请填写 Keycloak 中的用户名（字母、数字）");
            }
            StaffMember s = StaffMember.<StaffMember>findByIdOptional(username).orElseGet(StaffMember::new);
            s.username = username;
            s.displayName = text(form.getFirst("displayName"), 100);
            if (s.displayName.isEmpty()) {
                throw new InvalidInputException("请填写姓名");
            }
            s.email = text(form.getFirst("email"), 200);
            String dept = form.getFirst("departmentId");
            s.departmentId = dept == null || dept.isBlank() ? null : Department.<Department>findByIdOptional(Long.valueOf(dept))
                    .orElseThrow(() -> new InvalidInputException("部门不存在")).id;
            s.supervisor = "on".equals(form.getFirst("supervisor"));
            s.active = "on".equals(form.getFirst("active"));
            s.persist();
        });
    }

    private Response change(Runnable change) {
        try {
            QuarkusTransaction.requiringNew().run(change);
        } catch (InvalidInputException | NumberFormatException | DateTimeParseException e) {
            String message = e instanceof InvalidInputException ? e.getMessage() : "输入格式不正确";
            return Response.status(400).entity(page(message, false)).build();
        }
        return Response.seeOther(URI.create("/staff/admin/saved")).build();
    }

    private static TemplateInstance page(String error, boolean saved) {
        return QuarkusTransaction.requiringNew().call(() -> Templates.settings(new Settings(NeedCategory.listAllSorted(),
                CalendarDay.listSorted(), Department.listSorted(), StaffMember.list("order by username")), error, saved));
    }

    private static int days(String value, int min, int max, String label) {
        try {
            int n = Integer.parseInt(String.valueOf(value).strip());
            if (n < min || n > max) {
                throw new InvalidInputException(label + "应在 " + min + " 到 " + max + " 个工作日之间");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(label + "应为整数");
        }
    }

    private static String text(String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new InvalidInputException("输入过长（最多 " + max + " 个字）");
        }
        return v;
    }
}

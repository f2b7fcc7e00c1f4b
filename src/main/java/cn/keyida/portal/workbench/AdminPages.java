package cn.keyida.portal.workbench;

import cn.keyida.portal.calendar.CalendarDay;
import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.needs.NeedCategories;
import cn.keyida.portal.needs.NeedCategory;
import cn.keyida.portal.staff.Department;
import cn.keyida.portal.staff.StaffDirectory;
import cn.keyida.portal.staff.StaffMember;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.web.InvalidInputException;
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
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Admin settings on one page: need categories and their deadlines, the holiday calendar, departments
 * and staff. Each change goes through the service of the feature that owns it.
 */
@Path("/staff/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private final NeedCategories categories;
    private final WorkingCalendar calendar;
    private final StaffDirectory staff;

    AdminPages(NeedCategories categories, WorkingCalendar calendar, StaffDirectory staff) {
        this.categories = categories;
        this.calendar = calendar;
        this.staff = staff;
    }

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
        return change(() -> categories.update(code, days(form.getFirst("acceptDays"), 0, 60, "受理时限"),
                days(form.getFirst("resolveDays"), 1, 365, "办结时限"), days(form.getFirst("callbackDays"), 0, 60, "回访时限"),
                "on".equals(form.getFirst("active"))));
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
            calendar.setDay(day, "WORKDAY".equals(form.getFirst("kind")) ? CalendarDay.Kind.WORKDAY
                    : CalendarDay.Kind.HOLIDAY, text(form.getFirst("name"), 50));
        });
    }

    @POST
    @Path("/days/{day}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteDay(@PathParam("day") String day) {
        return change(() -> calendar.removeDay(LocalDate.parse(day)));
    }

    @POST
    @Path("/departments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDepartment(MultivaluedMap<String, String> form) {
        return change(() -> staff.addDepartment(text(form.getFirst("name"), 100)));
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
            String dept = form.getFirst("departmentId");
            staff.saveMember(username, text(form.getFirst("displayName"), 100), text(form.getFirst("email"), 200),
                    dept == null || dept.isBlank() ? null : Long.valueOf(dept), "on".equals(form.getFirst("supervisor")),
                    "on".equals(form.getFirst("active")));
        });
    }

    private Response change(Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException | NumberFormatException | DateTimeParseException e) {
            String message = e instanceof InvalidInputException ? e.getMessage() : "输入格式不正确";
            return Response.status(400).entity(page(message, false)).build();
        }
        return Response.seeOther(URI.create("/staff/admin/saved")).build();
    }

    private TemplateInstance page(String error, boolean saved) {
        return Templates.settings(new Settings(categories.all(), calendar.days(), staff.departments(), staff.everyone()),
                error, saved);
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

package cn.keyida.portal.web;

import jakarta.persistence.OptimisticLockException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors are mapped once, here: problem+json under /api, a Chinese error page elsewhere. */
public class ErrorMappers {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        return respond(uri, 400, "请求参数有误", e.getMessage());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream().map(v -> v.getMessage()).distinct()
                .reduce((a, b) -> a + "；" + b).orElse("输入不符合要求");
        return respond(uri, 400, "请求参数有误", detail);
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e, UriInfo uri) {
        Log.warnf("Service unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return Response.fromResponse(respond(uri, 503, e.title(), e.getMessage()))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(uri, 409, "操作冲突", e.getMessage());
    }

    /** Two people saved the same record at the same moment: the second gets a clear conflict. */
    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(uri, 409, "操作冲突", "该记录刚刚已被其他人修改，您的操作未执行。请刷新页面后重试。");
    }

    /**
     * A form body that is not UTF-8 fails while the framework decodes it, before any resource runs:
     * that is the client's input, not a fault. Any other IllegalArgumentException is a bug: logged, 500.
     */
    @ServerExceptionMapper
    public Response badEncoding(IllegalArgumentException e, UriInfo uri) {
        if (e.getMessage() != null && e.getMessage().startsWith("Failed to decode URL")) {
            return respond(uri, 400, "请求参数有误", "提交的内容不是有效的 UTF-8 文本，请检查后重试。");
        }
        return unexpected(e, uri);
    }

    /**
     * PostgreSQL refused a value (SQLState class 22: a NUL character, an out-of-range number, a
     * too-long text): the transaction is rolled back, nothing is stored, and the input is at fault.
     */
    @ServerExceptionMapper
    public Response dataException(org.hibernate.exception.DataException e, UriInfo uri) {
        Log.warnf("Input refused by the database on %s: %s", uri.getPath(), e.getSQLException().getMessage());
        return respond(uri, 400, "请求参数有误", "提交的内容包含无法保存的字符（如空字符）或超出长度限制，请检查后重试。");
    }

    /**
     * The framework's form parser fails on a field without a name ({@code &=x}): a malformed
     * request, not a fault. Anything else out of bounds is a bug: logged, 500.
     */
    @ServerExceptionMapper
    public Response malformedForm(ArrayIndexOutOfBoundsException e, UriInfo uri) {
        if (java.util.Arrays.stream(e.getStackTrace()).limit(3)
                .anyMatch(f -> f.getClassName().endsWith("MapAsFormUrlEncodedProvider"))) {
            return respond(uri, 400, "请求参数有误", "提交的表单格式不正确，请刷新页面后重试。");
        }
        return unexpected(e, uri);
    }

    /**
     * Anything not mapped above. PostgreSQL unreachable (restarting, connections exhausted) is a
     * 503 the user can retry: the transaction did not commit, so nothing was half-written. A client
     * that closed the connection mid-request is no fault: logged at debug. The rest is a bug: logged
     * with its stack trace, and a 500 page without details.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (causedBy(e, OptimisticLockException.class) || causedBy(e, org.hibernate.StaleStateException.class)) {
            // the same conflict as above, detected only at commit (wrapped by the transaction manager)
            return optimisticLock(null, uri);
        }
        if (databaseUnavailable(e)) {
            Log.warnf("Database unavailable on %s: %s", uri.getPath(), e);
            return Response.fromResponse(respond(uri, 503, "服务暂时不可用",
                    "数据库暂时无法连接，您的操作没有保存，请稍后重试。")).header("Retry-After", "10").build();
        }
        if (causedBy(e, io.vertx.core.http.HttpClosedException.class)) {
            // the client went away before its request was read to the end: nothing was stored
            Log.debugf("Client closed the connection on %s", uri.getPath());
            return respond(uri, 400, "请求参数有误", "请求未完整送达，请重试。");
        }
        if (tooManyFormFields(e)) {
            return respond(uri, 400, "请求参数有误", "提交的表单字段过多，请刷新页面后重试。");
        }
        Log.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(uri, 500, title(500), "服务器内部错误，请稍后重试。");
    }

    /** The framework's form parser stops at 1,000 fields with a plain RuntimeException: the client's doing. */
    static boolean tooManyFormFields(Throwable e) {
        return e.getClass() == RuntimeException.class && String.valueOf(e.getMessage()).startsWith("Param limit of")
                && e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().endsWith(".FormData");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // A commit that fails as PostgreSQL goes down: the transaction manager's RollbackException has no
            // cause, the connection error is suppressed on it (an XAException caused by the PSQLException).
            for (Throwable suppressed : t.getSuppressed()) {
                if (databaseUnavailable(suppressed)) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                        || String.valueOf(s.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 302 || status == 303) {
            return e.getResponse(); // login challenges and redirects pass through untouched
        }
        return respond(uri, status, title(status), detail(status, e.getMessage()));
    }

    private static Response respond(UriInfo uri, int status, String title, String detail) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(PROBLEM_JSON)
                    .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail,
                            "instance", uri.getPath()))
                    .build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail)).build();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "请求参数有误";
            case 403 -> "没有访问权限";
            case 404 -> "页面不存在";
            case 405 -> "不支持的请求方式";
            case 409 -> "操作冲突";
            case 413 -> "内容过大";
            case 415 -> "不支持的内容类型";
            default -> status >= 500 ? "服务暂时不可用" : "请求无法处理";
        };
    }

    private static String detail(int status, String message) {
        // Framework messages are English; only our own Chinese messages are shown to users.
        if (message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return message;
        }
        return switch (status) {
            case 403 -> "您的账号没有访问此页面的权限。";
            case 404 -> "您访问的页面不存在，可能已下线或链接有误。";
            default -> "请检查后重试。";
        };
    }
}

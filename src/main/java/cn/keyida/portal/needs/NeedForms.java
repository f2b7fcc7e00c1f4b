package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Reads the need pages' forms into the workflow's inputs; a malformed value is a 400 with a Chinese reason. */
final class NeedForms {

    private NeedForms() {}

    /** The version of the need the user saw, carried by every action form. */
    static long version(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(form.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("页面已过期，请刷新后重试");
        }
    }

    /** A satisfaction answer: the one-click link, the logged-in rating and the staff's phone callback. */
    static NeedWorkflow.CallbackInput callback(MultivaluedMap<String, String> form) {
        boolean reached = !"false".equals(form.getFirst("reached"));
        NeedCallback.Satisfaction satisfaction = Arrays.stream(NeedCallback.Satisfaction.values())
                .filter(s -> s.name().equals(form.getFirst("satisfaction"))).findFirst().orElse(null);
        NeedCallback.Resolved resolved = Arrays.stream(NeedCallback.Resolved.values())
                .filter(r -> r.name().equals(form.getFirst("resolved"))).findFirst().orElse(null);
        if (reached && (satisfaction == null || resolved == null)) {
            throw new InvalidInputException("请选择满意度和解决情况");
        }
        return new NeedWorkflow.CallbackInput(reached, satisfaction, resolved, form.getFirst("comment"));
    }

    static NeedWorkflow.FollowUpInput followUp(MultivaluedMap<String, String> form) {
        FollowUp.Kind kind = Arrays.stream(FollowUp.Kind.values()).filter(k -> k.name().equals(form.getFirst("kind")))
                .findFirst().orElse(null);
        Instant at = null;
        String when = form.getFirst("happenedAt");
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when.strip()).atZone(PortalClock.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("跟进时间格式不正确");
            }
        }
        return new NeedWorkflow.FollowUpInput(kind, at, form.getFirst("participants"), form.getFirst("notes"),
                form.getFirst("outcome"), date(form.getFirst("nextStepDate")), "on".equals(form.getFirst("public")));
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("日期格式应为 年-月-日：" + value);
        }
        // -999999999-01-01 parses, but date arithmetic and the database overflow on it
        if (d.getYear() < 1900 || d.getYear() > 2999) {
            throw new InvalidInputException("日期超出有效范围（1900 至 2999 年）：" + value);
        }
        return d;
    }

    /** Past this page there are no rows for years; the offset of a larger one overflows. */
    static final int MAX_PAGE = 100_000;

    static int page(String value) {
        int page;
        try {
            page = value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            page = value.strip().matches("\\d{10,}") ? Integer.MAX_VALUE : 1;
        }
        if (page > MAX_PAGE) {
            throw new InvalidInputException("页码超出范围（最大 " + MAX_PAGE + "）：" + value);
        }
        return page;
    }
}

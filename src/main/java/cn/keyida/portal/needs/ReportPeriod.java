package cn.keyida.portal.needs;

import cn.keyida.portal.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The days a report or export covers, both included (China time); defaults to the last 12 months, at most 5 years. */
record ReportPeriod(LocalDate from, LocalDate to) {

    static ReportPeriod parse(String from, String to, LocalDate today) {
        LocalDate end = NeedForms.date(to);
        LocalDate start = NeedForms.date(from);
        end = end == null ? today : end;
        start = start == null ? end.minusMonths(12).plusDays(1) : start;
        if (start.isAfter(end)) {
            throw new InvalidInputException("开始日期不能晚于结束日期");
        }
        if (start.isBefore(end.minusYears(5))) {
            throw new InvalidInputException("时间范围最长 5 年");
        }
        return new ReportPeriod(start, end);
    }

    /** For file names: 20250101-20251231. */
    String label() {
        return from.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + to.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}

package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.staff.StaffDirectory;
import jakarta.transaction.Transactional;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Needs and their follow-up records for a date range, as .xlsx (Apache POI) or CSV for Excel. */
@ApplicationScoped
public class NeedExport {

    static final List<String> NEED_COLUMNS = List.of("编号", "标题", "类别", "状态", "企业", "统一社会信用代码", "区县",
            "联系人", "承办人", "提交时间", "受理时间", "办结时间", "办结期限", "满意度", "重新办理次数", "办理结果");
    static final List<String> FOLLOW_UP_COLUMNS = List.of("需求编号", "方式", "时间", "参与人员", "内容", "结果",
            "下一步日期", "对企业可见", "记录人");

    public record Table(List<String> header, List<List<String>> rows) {}

    private final StaffDirectory staff;

    NeedExport(StaffDirectory staff) {
        this.staff = staff;
    }

    /** Both tables as one workbook with two sheets. */
    @Transactional
    public byte[] xlsx(ReportPeriod period) {
        return xlsx(needs(period.from(), period.to()), followUps(period.from(), period.to()));
    }

    /** One table (needs, or with {@code followUps} their follow-up records) as CSV. */
    @Transactional
    public byte[] csv(ReportPeriod period, boolean followUps) {
        return csv(followUps ? followUps(period.from(), period.to()) : needs(period.from(), period.to()));
    }

    Table needs(LocalDate from, LocalDate to) {
        Map<String, String> names = staff.names();
        List<List<String>> rows = new ArrayList<>();
        for (Need n : Need.<Need>list("submittedAt >= ?1 and submittedAt < ?2 order by id", start(from), end(to))) {
            rows.add(List.of(n.trackingNo, n.title, n.category.name, n.status.label, n.enterprise.name,
                    n.enterprise.creditCode, n.enterprise.district, n.enterprise.contactPerson,
                    names.getOrDefault(n.assignee, ""), local(n.submittedAt), local(n.acceptedAt), local(n.resolvedAt),
                    n.resolveDue == null ? "" : n.resolveDue.toString(),
                    n.satisfaction == null ? "" : NeedTemplateExtensions.satisfactionLabel(n.satisfaction),
                    String.valueOf(n.reopenCount), n.resolution == null ? "" : n.resolution));
        }
        return new Table(NEED_COLUMNS, rows);
    }

    Table followUps(LocalDate from, LocalDate to) {
        List<List<String>> rows = new ArrayList<>();
        List<Object[]> list = FollowUp.getEntityManager().createQuery("""
                select f, n.trackingNo from FollowUp f, Need n where n.id = f.needId
                and n.submittedAt >= ?1 and n.submittedAt < ?2 order by n.id, f.happenedAt""", Object[].class)
                .setParameter(1, start(from)).setParameter(2, end(to)).getResultList();
        for (Object[] r : list) {
            FollowUp f = (FollowUp) r[0];
            rows.add(List.of((String) r[1], f.kind.label, local(f.happenedAt), f.participants, f.notes, f.outcome,
                    f.nextStepDate == null ? "" : f.nextStepDate.toString(), f.visibleToEnterprise ? "是" : "否", f.actor));
        }
        return new Table(FOLLOW_UP_COLUMNS, rows);
    }

    byte[] xlsx(Table needs, Table followUps) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(workbook.createSheet("需求"), needs);
            sheet(workbook.createSheet("跟进记录"), followUps);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a byte order mark, so Excel opens the Chinese correctly. */
    byte[] csv(Table table) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, table.header());
        table.rows().forEach(r -> line(sb, r));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void sheet(Sheet sheet, Table table) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < table.header().size(); i++) {
            header.createCell(i).setCellValue(table.header().get(i));
        }
        int r = 1;
        for (List<String> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(spreadsheetSafe(values.get(i)));
            }
        }
    }

    private static void line(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = spreadsheetSafe(values.get(i));
            sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        sb.append("\r\n");
    }

    /** Text starting with = + - @ would run as a formula in Excel (CSV injection): prefix a quote. */
    static String spreadsheetSafe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String local(Instant instant) {
        return instant == null ? "" : instant.atZone(PortalClock.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    private static Instant start(LocalDate from) {
        return PortalClock.startOf(from);
    }

    private static Instant end(LocalDate to) {
        return PortalClock.startOf(to.plusDays(1));
    }
}

package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.staff.StaffDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The staff list's needs and their follow-up records, selected by exactly the list's filters
 * ({@link NeedFilter}), as .xlsx (Apache POI: typed cells, a frozen header, autofilter, column widths,
 * and a first sheet that states the filters) or as CSV for Excel (the filters in header lines).
 */
@ApplicationScoped
public class NeedExport {

    static final List<String> NEED_COLUMNS = List.of("编号", "标题", "类别", "状态", "企业", "统一社会信用代码", "区县",
            "联系人", "承办人", "提交时间", "受理时间", "办结时间", "办结期限", "预算（万元）", "期望完成日期", "满意度",
            "重新办理次数", "办理结果");
    static final List<String> FOLLOW_UP_COLUMNS = List.of("需求编号", "方式", "时间", "参与人员", "内容", "结果",
            "下一步日期", "对企业可见", "记录人");

    /** Cells are typed: String, Instant (a time), LocalDate, Number; null is an empty cell. */
    public record Table(List<String> header, List<List<Object>> rows) {}

    /** What was exported and how it was chosen: filters in words, the time of the export, the counts. */
    public record Export(Map<String, String> about, Table needs, Table followUps) {}

    private final StaffDirectory staff;
    private final PortalClock clock;

    NeedExport(StaffDirectory staff, PortalClock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional
    public byte[] xlsx(NeedViews.Filters filters) {
        return xlsx(select(filters));
    }

    /** One table (needs, or with {@code followUps} their follow-up records) as CSV. */
    @Transactional
    public byte[] csv(NeedViews.Filters filters, boolean followUps) {
        Export e = select(filters);
        return csv(e.about(), followUps ? e.followUps() : e.needs());
    }

    Export select(NeedViews.Filters filters) {
        Map<String, String> names = staff.names();
        NeedFilter q = NeedFilter.of(filters, clock.today(), names);
        Table needs = needs(q, names);
        Table followUps = followUps(q);
        Map<String, String> about = new LinkedHashMap<>();
        about.put("导出内容", "需求办理列表");
        about.put("筛选条件", q.described().entrySet().stream().filter(x -> !x.getKey().equals("排序"))
                .map(x -> x.getKey() + "：" + x.getValue()).reduce((a, b) -> a + "；" + b).orElse("无（全部需求）"));
        about.put("排序", q.described().get("排序"));
        about.put("需求条数", String.valueOf(needs.rows().size()));
        about.put("跟进记录条数", String.valueOf(followUps.rows().size()));
        about.put("导出时间", PortalClock.localText(clock.now()));
        return new Export(about, needs, followUps);
    }

    private static Table needs(NeedFilter q, Map<String, String> names) {
        List<List<Object>> rows = new ArrayList<>();
        for (Need n : Need.<Need>find("from Need n join fetch n.enterprise join fetch n.category where " + q.where()
                + " order by " + q.order(), q.params()).list()) {
            rows.add(Arrays.asList(n.trackingNo, n.title, n.category.name, n.status.label, n.enterprise.name,
                    n.enterprise.creditCode, n.enterprise.district, n.enterprise.contactPerson,
                    names.getOrDefault(n.assignee, ""), n.submittedAt, n.acceptedAt, n.resolvedAt, n.resolveDue,
                    n.budget, n.wantedBy,
                    n.satisfaction == null ? "" : NeedTemplateExtensions.satisfactionLabel(n.satisfaction),
                    n.reopenCount, n.resolution == null ? "" : n.resolution));
        }
        return new Table(NEED_COLUMNS, rows);
    }

    private static Table followUps(NeedFilter q) {
        List<List<Object>> rows = new ArrayList<>();
        var query = FollowUp.getEntityManager().createQuery("select f, n.trackingNo from FollowUp f, Need n"
                + " where n.id = f.needId and " + q.where() + " order by " + q.order() + ", f.happenedAt", Object[].class);
        q.params().map().forEach(query::setParameter); // the list's own named parameters
        for (Object[] r : query.getResultList()) {
            FollowUp f = (FollowUp) r[0];
            rows.add(Arrays.asList((String) r[1], f.kind.label, f.happenedAt, f.participants, f.notes, f.outcome,
                    f.nextStepDate, f.visibleToEnterprise ? "是" : "否", f.actor));
        }
        return new Table(FOLLOW_UP_COLUMNS, rows);
    }

    byte[] xlsx(Export e) {
        Map<String, Table> sheets = new LinkedHashMap<>();
        sheets.put("需求", e.needs());
        sheets.put("跟进记录", e.followUps());
        return workbook(e.about(), sheets);
    }

    /**
     * The portal's one .xlsx writer: a first sheet "导出说明" with {@code about}, then one sheet per table
     * (typed cells, a frozen header, autofilter, column widths); other features' exports use it too.
     */
    public static byte[] workbook(Map<String, String> about, Map<String, Table> sheets) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet aboutSheet = workbook.createSheet("导出说明");
            int r = 0;
            for (Map.Entry<String, String> x : about.entrySet()) {
                Row row = aboutSheet.createRow(r++);
                Cell k = row.createCell(0);
                k.setCellValue(x.getKey());
                k.setCellStyle(styles.header);
                row.createCell(1).setCellValue(spreadsheetSafe(x.getValue()));
            }
            aboutSheet.setColumnWidth(0, 14 * 256);
            aboutSheet.setColumnWidth(1, 80 * 256);
            for (Map.Entry<String, Table> x : sheets.entrySet()) {
                sheet(workbook.createSheet(x.getKey()), x.getValue(), styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** UTF-8 with a byte order mark, so Excel opens the Chinese correctly; the filters first, then the table. */
    byte[] csv(Map<String, String> about, Table table) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        about.forEach((k, v) -> line(sb, List.of("# " + k, v)));
        sb.append("\r\n");
        line(sb, new ArrayList<>(table.header()));
        table.rows().forEach(r -> line(sb, r));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle time;
        final CellStyle date;
        final CellStyle number;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            short fmtTime = wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"); // the portal's one time format
            short fmtDate = wb.createDataFormat().getFormat("yyyy-mm-dd");
            time = wb.createCellStyle();
            time.setDataFormat(fmtTime);
            date = wb.createCellStyle();
            date.setDataFormat(fmtDate);
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("0.##"));
        }
    }

    private static void sheet(Sheet sheet, Table table, Styles styles) {
        int columns = table.header().size();
        int[] width = new int[columns];
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns; i++) {
            Cell c = header.createCell(i);
            c.setCellValue(table.header().get(i));
            c.setCellStyle(styles.header);
            width[i] = displayWidth(table.header().get(i)) + 2;
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                Cell c = row.createCell(i);
                if (v instanceof Instant t) {
                    c.setCellValue(t.atZone(PortalClock.ZONE).toLocalDateTime().withSecond(0).withNano(0));
                    c.setCellStyle(styles.time);
                    width[i] = Math.max(width[i], 17);
                } else if (v instanceof LocalDate d) {
                    c.setCellValue(d);
                    c.setCellStyle(styles.date);
                    width[i] = Math.max(width[i], 11);
                } else if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                    c.setCellStyle(styles.number);
                    width[i] = Math.max(width[i], text(n).length() + 2);
                } else if (v != null) {
                    String s = spreadsheetSafe(v.toString());
                    c.setCellValue(s);
                    width[i] = Math.max(width[i], displayWidth(s) + 1);
                }
            }
        }
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, Math.min(width[i], 60) * 256); // long texts wrap at 60 characters' width
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns - 1));
    }

    /** A CJK character is about two Latin characters wide in Excel's default font. */
    private static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length() && w < 200; i++) {
            w += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private static void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = spreadsheetSafe(text(values.get(i)));
            sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        sb.append("\r\n");
    }

    /** A cell as text, in the portal's one format for times (2026-12-04 16:30) and plain numbers. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant t) {
            return PortalClock.localText(t);
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }

    /** Text starting with = + - @ would run as a formula in Excel (CSV injection): prefix a quote. */
    static String spreadsheetSafe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

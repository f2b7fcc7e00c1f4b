package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The staff list's exports contain exactly the needs the list shows under its filters, and say which
 * filters those were; the xlsx has typed cells, a frozen header, an autofilter and column widths.
 */
@QuarkusTest
class ExportFiltersTest {

    static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");

    @Inject
    NeedSubmission submission;

    @Inject
    NeedWorkflow workflow;

    @Test
    void exportsTakeExactlyTheListsFiltersAndStateThem() throws Exception {
        EnterpriseProfile a = Enterprises.enterpriseA();
        EnterpriseProfile b = Enterprises.enterpriseB();
        QuarkusTransaction.requiringNew().run(() -> {
            EnterpriseProfile.<EnterpriseProfile>findById(a.id).district = "利州区";
            EnterpriseProfile.<EnterpriseProfile>findById(b.id).district = "昭化区";
        });
        String run = "导出筛选" + System.nanoTime();
        Need a1 = submit(a, run + "甲1", new BigDecimal("12.5"), LocalDate.of(2027, 3, 31));
        Need a2 = submit(a, run + "甲2", null, null);
        Need a3 = submit(a, run + "甲3", null, null);
        Need b1 = submit(b, run + "乙1", null, null);
        workflow.accept(a3.id, a3.version, "", "测试");

        UserSession staff = new UserSession("staff1");
        // The issue's case: 状态=已提交 and 区县=昭化区.
        String query = "status=SUBMITTED&district=" + java.net.URLEncoder.encode("昭化区", StandardCharsets.UTF_8);
        String list = staff.request().urlEncodingEnabled(false).get("/staff/needs?" + query).then().statusCode(200).extract().asString();
        assertThat(list).contains("export.csv?status=SUBMITTED&amp;district=%E6%98%AD%E5%8C%96%E5%8C%BA");
        int total = total(list);
        String csv = new String(staff.request().urlEncodingEnabled(false).get("/staff/needs/export.csv?" + query).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> rows = dataRows(csv);
        assertThat(rows).hasSize(total);
        assertThat(rows.stream().filter(r -> r.contains(run)).toList()).singleElement().asString().contains(b1.trackingNo);
        assertThat(csv).contains("\"# 筛选条件\",\"状态：已提交；区县：昭化区\"", "\"# 需求条数\",\"" + total + "\"")
                .containsPattern("\"# 导出时间\",\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\"");

        // 利州区, 已提交: a1 and a2, not the accepted a3, not b1; the xlsx says so on its first sheet.
        String lizhou = "status=SUBMITTED&district=" + java.net.URLEncoder.encode("利州区", StandardCharsets.UTF_8);
        int lizhouTotal = total(staff.request().urlEncodingEnabled(false).get("/staff/needs?" + lizhou).then().statusCode(200).extract().asString());
        byte[] xlsx = staff.request().urlEncodingEnabled(false).get("/staff/needs/export.xlsx?" + lizhou).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(0)).isEqualTo("导出说明");
            XSSFSheet about = wb.getSheetAt(0);
            assertThat(about.getRow(1).getCell(0).getStringCellValue()).isEqualTo("筛选条件");
            assertThat(about.getRow(1).getCell(1).getStringCellValue()).isEqualTo("状态：已提交；区县：利州区");

            XSSFSheet needs = wb.getSheet("需求");
            assertThat(needs.getLastRowNum()).isEqualTo(lizhouTotal);
            List<String> numbers = new ArrayList<>();
            Row mine = null;
            for (Row row : needs) {
                if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().startsWith(run)) {
                    numbers.add(row.getCell(0).getStringCellValue());
                    if (row.getCell(0).getStringCellValue().equals(a1.trackingNo)) {
                        mine = row;
                    }
                }
            }
            assertThat(numbers).containsExactlyInAnyOrder(a1.trackingNo, a2.trackingNo);

            // Typed cells: the submission time is a date-time in the one format, the budget a number.
            int submitted = NeedExport.NEED_COLUMNS.indexOf("提交时间");
            Cell time = mine.getCell(submitted);
            assertThat(time.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(time)).isTrue();
            assertThat(time.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(time.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(a1.submittedAt.atZone(cn.keyida.portal.common.PortalClock.ZONE).toLocalDate());
            Cell budget = mine.getCell(NeedExport.NEED_COLUMNS.indexOf("预算（万元）"));
            assertThat(budget.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(budget.getNumericCellValue()).isEqualTo(12.5);
            Cell wanted = mine.getCell(NeedExport.NEED_COLUMNS.indexOf("期望完成日期"));
            assertThat(DateUtil.isCellDateFormatted(wanted)).isTrue();
            assertThat(wanted.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(mine.getCell(NeedExport.NEED_COLUMNS.indexOf("重新办理次数")).getCellType()).isEqualTo(CellType.NUMERIC);

            // A frozen header row, an autofilter over the table, widths wider than the default for Chinese titles.
            assertThat(needs.getPaneInformation()).isNotNull();
            assertThat(needs.getPaneInformation().isFreezePane()).isTrue();
            assertThat(needs.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(needs.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:R");
            assertThat(needs.getColumnWidth(1)).isGreaterThan(needs.getColumnWidth(6));
            assertThat(needs.getColumnWidth(submitted)).isGreaterThanOrEqualTo(16 * 256);
        }

        // No filter at all: said so, and everything is there.
        String all = new String(staff.request().get("/staff/needs/export.csv").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(all).contains("\"# 筛选条件\",\"无（全部需求）\"");
        assertThat(dataRows(all)).hasSize(total(staff.request().get("/staff/needs").then().extract().asString()));
        // Bad filters are refused as on the list, in Chinese.
        staff.request().get("/staff/needs/export.csv?from=2026-12-31&to=2026-01-01").then().statusCode(400);
    }

    private Need submit(EnterpriseProfile p, String title, BigDecimal budget, LocalDate wantedBy) {
        return submission.submit(p.subject, new NeedSubmission.Submission("TECH", title, "导出测试的需求描述", "", budget,
                wantedBy, true), List.of(), "测试").orElseThrow();
    }

    private static int total(String page) {
        Matcher m = TOTAL.matcher(page);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The table's data lines: a record starts with its tracking number. */
    private static List<String> dataRows(String csv) {
        return Arrays.stream(csv.split("\r\n")).filter(l -> l.startsWith("\"XQ-")).toList();
    }
}

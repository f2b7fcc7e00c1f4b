package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportAndSettingsTest {

    @Inject
    NeedSubmission needs;

    @Test
    void exportsOpenInExcelWithTheChineseIntact() throws Exception {
        Need need = submit("=HYPERLINK(\"http://evil\") 导出测试" + System.nanoTime());
        UserSession staff = new UserSession("staff1");
        byte[] xlsx = staff.request().get("/staff/needs/export.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("需求");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0).getStringCellValue().equals(need.trackingNo)) {
                    found = true;
                    // formula-like text is neutralised, never executed
                    assertThat(row.getCell(1).getStringCellValue()).startsWith("'=HYPERLINK");
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("广元市测试新材料有限公司");
                }
            }
            assertThat(found).isTrue();
            assertThat(workbook.getSheet("跟进记录")).isNotNull();
        }
        byte[] csv = staff.request().get("/staff/needs/export.csv").then().statusCode(200).extract().asByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("编号", need.trackingNo, "广元市测试新材料有限公司");
        staff.request().get("/staff/needs/export.csv?from=2026-12-31&to=2026-01-01").then().statusCode(400)
                .body(containsString("开始日期不能晚于结束日期"));
    }

    @Test
    void adminChangesTheDeadlinesOfACategory() {
        UserSession admin = new UserSession("admin1");
        admin.open("/staff/admin").then().statusCode(200).body(containsString("需求类别与办理时限"));
        admin.form().formParam("acceptDays", "3").formParam("resolveDays", "25").formParam("callbackDays", "4")
                .formParam("active", "on").post("/staff/admin/categories/PLATFORM").then().statusCode(303);
        NeedCategory c = QuarkusTransaction.requiringNew().call(() -> NeedCategory.<NeedCategory>findById("PLATFORM"));
        assertThat(List.of(c.acceptDays, c.resolveDays, c.callbackDays)).containsExactly(3, 25, 4);
        admin.open("/staff/admin");
        admin.form().formParam("acceptDays", "-1").formParam("resolveDays", "abc").post("/staff/admin/categories/PLATFORM")
                .then().statusCode(400).body(containsString("受理时限应在 0 到 60 个工作日之间"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> NeedCategory.<NeedCategory>findById("PLATFORM").acceptDays))
                .isEqualTo(3);
    }

    @Test
    void dashboardStatesItsWindowAndCounts() {
        submit("统计测试" + System.nanoTime());
        new UserSession("supervisor1").request().get("/staff/dashboard").then().statusCode(200)
                .body(containsString("统计口径"), containsString("按类别"), containsString("满意率"), containsString("技术攻关"));
    }

    private Need submit(String title) {
        EnterpriseProfile a = Enterprises.enterpriseA();
        return needs.submit(a.subject, new NeedSubmission.Submission("TECH", title, "描述", "", BigDecimal.ONE, null, true), List.of(),
                "王建国（enterprise1）").orElseThrow();
    }
}

package cn.keyida.portal.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.common.FigureSection;
import cn.keyida.portal.common.PortalClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The market's figures on the real PostgreSQL: staff see every group, the public page leaves out groups
 * under ten (needs' rule) but always shows the totals; contracts count once both sides confirmed; xlsx.
 */
@QuarkusTest
class MarketStatisticsTest {

    /** A year no other test signs a contract in. */
    static final int YEAR = 2003;

    @Inject
    MarketWorkflow workflow;

    @Inject
    CaseWorkflow cases;

    @Inject
    MarketStatistics statistics;

    @Inject
    PortalClock clock;

    @Test
    void contractsByYearAndTypeHideSmallGroupsInPublicButNotForStaff() throws Exception {
        Map<String, String> staffBefore = headlines(statistics.staffFigures());
        List<String> fieldRowBefore = row(statistics.staffFigures(), "market-published", month(), "相关服务业");
        long achievementsBefore = fieldRowBefore == null ? 0 : Long.parseLong(fieldRowBefore.get(3));

        long first = signedCase("技术咨询", "12.5", true);
        FigureSection.Section staff = statistics.staffFigures();
        FigureSection.Section open = statistics.publicFigures();
        assertThat(row(staff, "market-contracts", String.valueOf(YEAR), "技术咨询"))
                .containsExactly(String.valueOf(YEAR), "技术咨询", "1", "12.5");
        assertThat(row(open, "market-contracts", String.valueOf(YEAR), "技术咨询")).isNull();
        assertThat(open.note()).contains("少于 10 条的分组不单独公开").contains("个分组未公开");
        // The totals are the whole market: shown in public too, and the same as staff see.
        assertThat(headlines(open)).isEqualTo(headlines(staff));
        assertThat(Long.parseLong(headlines(staff).get("contracts"))).isEqualTo(Long.parseLong(staffBefore.get("contracts")) + 1);
        assertThat(new BigDecimal(headlines(staff).get("amount")))
                .isEqualByComparingTo(new BigDecimal(staffBefore.get("amount")).add(new BigDecimal("12.5")));
        assertThat(Long.parseLong(headlines(staff).get("cases"))).isEqualTo(Long.parseLong(staffBefore.get("cases")) + 1);

        // Signed but confirmed by one side only: not a contract in the figures.
        signedCase("技术咨询", "7", false);
        assertThat(row(statistics.staffFigures(), "market-contracts", String.valueOf(YEAR), "技术咨询"))
                .containsExactly(String.valueOf(YEAR), "技术咨询", "1", "12.5");

        List<Long> more = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            more.add(signedCase("技术咨询", "10", true));
        }
        assertThat(more).doesNotContain(first);
        assertThat(row(statistics.publicFigures(), "market-contracts", String.valueOf(YEAR), "技术咨询"))
                .containsExactly(String.valueOf(YEAR), "技术咨询", "10", "102.5");
        // Eleven achievements in 相关服务业 this month: a public row now, with at least those.
        List<String> fieldRow = row(statistics.publicFigures(), "market-published", month(), "相关服务业");
        assertThat(fieldRow).isNotNull();
        assertThat(Long.parseLong(fieldRow.get(3))).isEqualTo(achievementsBefore + 11);

        // The public page shows the section; the public export holds the same table.
        String page = given().get("/service-performance").then().statusCode(200).extract().asString();
        assertThat(page).contains("技术市场").contains("data-table=\"market-contracts\"").contains("102.5");
        byte[] xlsx = given().get("/market/figures.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("导出说明");
            Sheet contracts = wb.getSheet("技术合同（按年份和类型）");
            boolean found = false;
            for (var r : contracts) {
                if (r.getRowNum() > 0 && String.valueOf(YEAR).equals(r.getCell(0).getStringCellValue())) {
                    assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(10.0);
                    assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(102.5);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    private String month() {
        return clock.today().toString().substring(0, 7);
    }

    /** A case on a fresh achievement in 相关服务业, signed in {@link #YEAR}; confirmed by both sides or one. */
    private long signedCase(String type, String amount, boolean bothConfirm) {
        String uni = MarketFixtures.university();
        String ent = MarketFixtures.enterprise();
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement("统计测试成果" + System.nanoTime(), "09", "用于统计测试的成果。", "技术咨询/服务", "20"), "x");
        a = workflow.submit(a.id, uni, a.version, "x");
        a = workflow.approve(a.id, a.version, "", "x");
        MarketCase c = cases.request(a.id, ent, MarketWorkflow.OwnerKind.ENTERPRISE, "", "x");
        c = cases.negotiate(c.id, c.version, "", "x");
        c = cases.sign(c.id, c.version, Map.of("contractType", type, "amount", amount, "parties", "甲；乙",
                "signedOn", LocalDate.of(YEAR, 3, 1).toString()), "x");
        c = cases.confirm(c.id, ent, c.version, "x");
        if (bothConfirm) {
            c = cases.confirm(c.id, uni, c.version, "x");
        }
        return c.id;
    }

    private static Map<String, String> headlines(FigureSection.Section s) {
        Map<String, String> m = new java.util.HashMap<>();
        s.headlines().forEach(h -> m.put(h.id(), h.value()));
        return m;
    }

    private static List<String> row(FigureSection.Section s, String table, String first, String second) {
        return s.tables().stream().filter(t -> t.id().equals(table)).findFirst().orElseThrow().rows().stream()
                .filter(r -> r.get(0).equals(first) && r.get(1).equals(second)).findFirst().orElse(null);
    }
}

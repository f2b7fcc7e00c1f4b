package cn.keyida.portal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calculator's groups for a set of profiles against the shipped demo conditions
 * ({@code data/demo-conditions.jsonl}, with the 高企 tiered R&D rule) on the real database: exactly
 * which items are 符合, 可能符合, 差一项 and 暂不符合.
 */
@QuarkusTest
class CalculatorGroupsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String GAOQI = "pol-gaoqi-rending-tiaojian-art11";
    static final String JIAJI = "pol-kjxzxqy-jiaji-100-2022";
    static final String BUTIE = "pol-sc-tianfu-kechuangdai-butie-2023";
    static final String YANFA = "pol-sc-jili-yanfa-touru-houbuzhu";
    static final String ZHICHI = "pol-guangyuan-zhichi-kejichuangxin-ruogan-zhengce";
    static final String JIASU = "pol-guangyuan-qingnian-chuangye-jiasu-jidi";
    static final String DAI = "fin-tianfu-kechuangdai";
    static final String JIFEN = "fin-sc-chuangxin-jifen-dai";
    static final String ZHAIQUAN = "fin-sc-kjxzxqy-zhaiquan-rongzi-buzhu";

    @Inject
    ContentImport importer;

    @Inject
    MatchingService matching;

    @Inject
    ObjectMapper json;

    Set<String> demo = new TreeSet<>();

    @BeforeEach
    void demoConditions() throws IOException {
        SampleData.importCorpus(importer);
        for (String line : Files.readAllLines(Path.of("data/demo-conditions.jsonl"), StandardCharsets.UTF_8)) {
            EligibilityInput in = json.readValue(line, EligibilityInput.class);
            long id = QuarkusTransaction.requiringNew().call(() -> ContentItem.findBySlug(in.id()).orElseThrow().id);
            Long version = QuarkusTransaction.requiringNew().call(() -> Eligibility.forItem(id).map(e -> e.version).orElse(null));
            matching.save(id, version, in, "测试");
            demo.add(in.id());
        }
        assertThat(demo).hasSize(9);
    }

    @Test
    void theIssuesCaseSmallRevenueWithFourPointTwoPercentMissesTheHighTechTier() {
        Facts f = new Facts("利州区", null, Set.of("科技型中小企业"), 50, "2000万–5000万元", new BigDecimal("4.2"),
                LocalDate.of(2020, 5, 1));
        assertThat(groups(f)).isEqualTo(Map.of(
                "ELIGIBLE", Set.of(ZHICHI, ZHAIQUAN),
                "POSSIBLE", Set.of(JIAJI, BUTIE, YANFA, DAI, JIFEN),
                "NEARLY", Set.of(GAOQI, JIASU),
                "INELIGIBLE", Set.of()));
    }

    @Test
    void aMidSizeEnterpriseMeetsTheFourPercentTierButStillHasConditionsToConfirm() {
        Facts f = new Facts("昭化区", "电子信息", Set.of(), 300, "5000万–2亿元", new BigDecimal("4.2"),
                LocalDate.of(2010, 1, 1));
        assertThat(groups(f)).isEqualTo(Map.of(
                "ELIGIBLE", Set.of(ZHICHI),
                "POSSIBLE", Set.of(GAOQI, YANFA),
                "NEARLY", Set.of(JIAJI, BUTIE, DAI, JIFEN, ZHAIQUAN),
                "INELIGIBLE", Set.of(JIASU)));
    }

    @Test
    void unknownRevenueLeavesTheTierUndecidedAndAnExcludedQualificationFails() {
        Facts f = new Facts("苍溪县", null, Set.of("高新技术企业", "科技型中小企业"), null, null, new BigDecimal("4.5"), null);
        assertThat(groups(f)).isEqualTo(Map.of(
                "ELIGIBLE", Set.of(ZHICHI, ZHAIQUAN),
                "POSSIBLE", Set.of(JIAJI, BUTIE, YANFA, DAI, JIFEN),
                "NEARLY", Set.of(GAOQI, JIASU),
                "INELIGIBLE", Set.of()));
    }

    @Test
    void anEmptyFormIsNeverEligible() {
        Facts f = new Facts(null, null, Set.of(), null, null, null, null);
        assertThat(groups(f)).isEqualTo(Map.of(
                "ELIGIBLE", Set.of(),
                "POSSIBLE", demo,
                "NEARLY", Set.of(),
                "INELIGIBLE", Set.of()));
        // The page: an empty calculation reports 符合（0 项） and states the count of each group.
        String page = UserSession.anonymous().request().queryParam("district", "").queryParam("rdRatio", "")
                .get("/matching").then().statusCode(200).extract().asString();
        assertThat(page).contains("符合（0 项）").doesNotContain("符合条件（");
        assertThat(page).containsPattern("符合 0 项，可能符合 \\d+ 项，差一项条件 0 项，暂不符合 0 项");
    }

    @Test
    void thePageShowsTheTierAndTheCountsPerItem() {
        String page = UserSession.anonymous().request().queryParam("district", "利州区")
                .queryParam("revenueBand", "2000万–5000万元").queryParam("rdRatio", "4.2")
                .queryParam("registeredOn", "2020-05-01").get("/matching").then().statusCode(200).extract().asString();
        String gaoqi = page.substring(page.indexOf("data-slug=\"" + GAOQI + "\""));
        gaoqi = gaoqi.substring(0, gaoqi.indexOf("</article>"));
        assertThat(gaoqi).contains("差一项条件", "6 项条件：符合 2 项，需确认 3 项，不符合 1 项")
                .contains("5000 万元及以下不低于 5%", "需不低于 5%；研发投入占比：4.2%");
    }

    @Test
    void staffTypeTiersOnTheFormAndAMalformedOrIncompleteTierIsRefused() {
        long id = QuarkusTransaction.requiringNew().call(() -> ContentItem.findBySlug(GAOQI).orElseThrow().id);
        UserSession staff = new UserSession("staff1");
        String form = staff.open("/staff/content/" + id + "/conditions").then().statusCode(200).extract().asString();
        assertThat(form).contains("5000：5\n20000：4\n以上：3");
        Response bad = staff.form().formParam("rdTiers", "5000：五").post("/staff/content/" + id + "/conditions");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("分档条件“5000：五”格式不正确");
        staff.open("/staff/content/" + id + "/conditions");
        Response open = staff.form().formParam("rdTiers", "5000：5\n20000：4").post("/staff/content/" + id + "/conditions");
        assertThat(open.statusCode()).isEqualTo(400);
        assertThat(open.asString()).contains("最后一档不写上限");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Eligibility.forItem(id).orElseThrow().rdTiers)).hasSize(3);
    }

    private Map<String, Set<String>> groups(Facts f) {
        MatchingService.Matches m = matching.match(f, TODAY);
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("ELIGIBLE", demoOnly(m.eligible()));
        g.put("POSSIBLE", demoOnly(m.possible()));
        g.put("NEARLY", demoOnly(m.nearly()));
        g.put("INELIGIBLE", demoOnly(m.ineligible()));
        return g;
    }

    private Set<String> demoOnly(List<MatchingService.Match> matches) {
        Set<String> s = new TreeSet<>();
        matches.stream().map(x -> x.item().slug).filter(demo::contains).forEach(s::add);
        return s;
    }
}

package cn.keyida.portal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentChanged;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.content.ContentService;
import cn.keyida.portal.content.ContentStatus;
import cn.keyida.portal.content.ContentType;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy matching on the real database: the eligible / nearly / ineligible lists with their
 * explanations, the pages, and "policy finds enterprise" messages sent once to exactly the
 * enterprises that newly qualify.
 */
@QuarkusTest
class MatchingTest {

    @Inject
    MatchingService matching;

    @Inject
    ContentService content;

    @Inject
    Event<ContentChanged> changed;

    EnterpriseProfile a;
    EnterpriseProfile b;

    /** A: 高新技术企业 + 科技型中小企业 in 利州区, R&D 4.5%; B: no qualification in 苍溪县, R&D 1%. */
    @BeforeEach
    void profiles() {
        a = Enterprises.enterpriseA();
        b = Enterprises.enterpriseB();
        QuarkusTransaction.requiringNew().run(() -> {
            EnterpriseProfile pa = EnterpriseProfile.findById(a.id);
            pa.qualifications = List.of("高新技术企业", "科技型中小企业");
            pa.district = "利州区";
            pa.rdRatio = new BigDecimal("4.5");
            pa.employees = 120;
            pa.registeredOn = LocalDate.of(2015, 3, 1);
            pa.policyMail = true;
            EnterpriseProfile pb = EnterpriseProfile.findById(b.id);
            pb.qualifications = List.of();
            pb.district = "苍溪县";
            pb.rdRatio = new BigDecimal("1.00");
            pb.employees = 30;
            pb.registeredOn = LocalDate.of(2024, 6, 1);
            pb.policyMail = false;
        });
    }

    @Test
    void aProfileGetsExactlyTheExpectedListsWithReasons() {
        String run = "m" + System.nanoTime();
        long fits = policy(run + "-fits", "科技型中小企业研发补助" + run, true);
        long nearly = policy(run + "-nearly", "研发投入奖励" + run, true);
        long not = policy(run + "-not", "专精特新奖励" + run, true);
        long expired = policy(run + "-expired", "已过期的补助" + run, true);
        save(fits, input(List.of("科技型中小企业"), List.of(), List.of("利州区"), "3", null, List.of("拥有核心自主知识产权"),
                "最高 50 万元", LocalDate.now().plusDays(60).toString()));
        save(nearly, input(List.of(), List.of(), List.of(), "5", null, List.of(), "", null));
        save(not, input(List.of("专精特新中小企业"), List.of("高新技术企业"), List.of(), null, null, List.of(), "", null));
        save(expired, input(List.of(), List.of(), List.of(), null, null, List.of(), "",
                LocalDate.now().minusDays(1).toString()));

        MatchingService.Matches m = QuarkusTransaction.requiringNew().call(() ->
                matching.match(Facts.of(EnterpriseProfile.findById(a.id)), LocalDate.now(PortalClock.ZONE)));
        // "fits" has a condition nobody can check automatically: 可能符合, never 符合.
        assertThat(slugs(m.eligible(), run)).isEmpty();
        assertThat(slugs(m.possible(), run)).containsExactly(run + "-fits");
        assertThat(slugs(m.nearly(), run)).containsExactly(run + "-nearly");
        assertThat(slugs(m.ineligible(), run)).containsExactly(run + "-not");

        MatchingService.Match fit = m.possible().stream().filter(x -> x.item().slug.equals(run + "-fits")).findFirst().orElseThrow();
        assertThat(fit.evaluation().checks()).extracting(c -> c.condition() + "|" + c.outcome() + "|" + c.detail())
                .containsExactly("已认定为科技型中小企业|MET|企业信息中已勾选",
                        "注册地在利州区|MET|所在区县：利州区",
                        "研发费用占营业收入比例不低于 3%|MET|研发投入占比：4.5%",
                        "拥有核心自主知识产权|UNKNOWN|无法自动判断，请对照政策原文或咨询科技局");
        MatchingService.Match near = m.nearly().stream().filter(x -> x.item().slug.equals(run + "-nearly")).findFirst().orElseThrow();
        assertThat(near.evaluation().unmet()).extracting(c -> c.condition() + "|" + c.detail())
                .containsExactly("研发费用占营业收入比例不低于 5%|研发投入占比：4.5%");
        MatchingService.Match no = m.ineligible().stream().filter(x -> x.item().slug.equals(run + "-not")).findFirst().orElseThrow();
        assertThat(no.evaluation().unmet()).extracting(Matcher.Check::condition)
                .containsExactly("已认定为专精特新中小企业", "未认定为高新技术企业");

        // The page: the saved profile, then "what if" R&D were 6%: the nearly item becomes eligible, nothing is saved.
        UserSession enterprise = new UserSession("enterprise1");
        String page = enterprise.request().get("/my/matches").then().statusCode(200).extract().asString();
        assertThat(section(page, "h-possible", "h-nearly")).contains("data-slug=\"" + run + "-fits\"")
                .doesNotContain(run + "-nearly");
        assertThat(section(page, "h-eligible", "h-possible")).doesNotContain(run + "-fits");
        assertThat(section(page, "h-nearly", "h-ineligible")).contains("data-slug=\"" + run + "-nearly\"");
        String whatIf = enterprise.request().queryParam("whatif", "1").queryParam("district", "利州区")
                .queryParam("qualifications", "高新技术企业").queryParam("qualifications", "科技型中小企业")
                .queryParam("rdRatio", "6").queryParam("employees", "").queryParam("industry", "")
                .queryParam("revenueBand", "").queryParam("registeredOn", "")
                .get("/my/matches").then().statusCode(200).extract().asString();
        assertThat(section(whatIf, "h-eligible", "h-possible")).contains(run + "-nearly").doesNotContain(run + "-fits");
        assertThat(section(whatIf, "h-possible", "h-nearly")).contains(run + "-fits");
        assertThat(whatIf).contains("未保存到企业信息");
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnterpriseProfile.<EnterpriseProfile>findById(a.id).rdRatio))
                .isEqualByComparingTo("4.5");
    }

    @Test
    void anonymousCalculatorExplainsAndRefusesBadNumbersInChinese() {
        String run = "c" + System.nanoTime();
        long id = policy(run + "-calc", "计算器测试政策" + run, true);
        save(id, input(List.of(), List.of(), List.of(), "3", null, List.of(), "每家 10 万元", null));
        UserSession visitor = UserSession.anonymous();
        assertThat(visitor.request().get("/matching").then().statusCode(200).extract().asString()).contains("开始测算");
        String page = visitor.request().queryParam("rdRatio", "2").queryParam("district", "")
                .get("/matching").then().statusCode(200).extract().asString();
        assertThat(section(page, "h-nearly", "h-ineligible")).contains(run + "-calc", "研发投入占比：2%", "每家 10 万元");
        Response bad = visitor.request().queryParam("rdRatio", "三个点").queryParam("employees", "-5").get("/matching");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("研发投入占比应为数字", "职工人数不能为负数");
    }

    @Test
    void publishingNotifiesExactlyTheNewlyQualifyingEnterprisesOnce() {
        String run = "n" + System.nanoTime();
        long id = policy(run, "新政策通知测试" + run, false);
        // Conditions on a draft tell nobody.
        save(id, input(List.of("科技型中小企业"), List.of(), List.of(), "3", null, List.of(), "最高 20 万元", null));
        assertThat(notified(id)).isEmpty();

        publish(id);
        Set<String> toldFirst = notified(id);
        assertThat(toldFirst).isEqualTo(expectedEligible(id)).contains(a.subject).doesNotContain(b.subject);
        assertThat(mails(run, a.email)).isEqualTo(1); // A opted in to policy mails
        assertThat(mails(run, b.email)).isZero();

        // Looser conditions: B qualifies now and is told; A is not told again.
        save(id, input(List.of(), List.of(), List.of(), "1", null, List.of(), "最高 20 万元", null));
        // told: who qualified before and who newly qualifies (one told before may qualify no longer)
        Set<String> told = new java.util.HashSet<>(toldFirst);
        told.addAll(expectedEligible(id));
        assertThat(notified(id)).contains(a.subject, b.subject).isEqualTo(told);
        assertThat(messages(id, a.subject)).isEqualTo(1);
        assertThat(messages(id, b.subject)).isEqualTo(1);
        assertThat(mails(run, b.email)).isZero(); // B did not opt in to mails

        // Unpublish and publish again: nobody is told twice.
        changeStatus(id, ContentStatus.DRAFT);
        publish(id);
        assertThat(messages(id, a.subject)).isEqualTo(1);
        assertThat(messages(id, b.subject)).isEqualTo(1);
        assertThat(mails(run, a.email)).isEqualTo(1);

        // The enterprise sees it on its messages page.
        assertThat(new UserSession("enterprise2").request().get("/my/messages").then().statusCode(200).extract().asString())
                .contains("新政策通知测试" + run);
    }

    @Test
    void deadlineAndExpiryRemindersGoOutOncePerItem() {
        String run = "r" + System.nanoTime();
        long id = policy(run, "截止提醒测试" + run, true);
        QuarkusTransaction.requiringNew().run(() -> {
            ContentItem i = ContentItem.findById(id);
            i.expiryDate = LocalDate.now().plusDays(20);
        });
        save(id, input(List.of("高新技术企业"), List.of(), List.of(), null, null, List.of(), "",
                LocalDate.now(PortalClock.ZONE).plusDays(3).toString()));
        assertThat(messages(id, a.subject)).isEqualTo(1);
        int first = matching.remind(LocalDate.now(PortalClock.ZONE));
        assertThat(first).isGreaterThanOrEqualTo(2);
        assertThat(kinds(id, a.subject)).containsExactlyInAnyOrder("MATCH", "DEADLINE", "EXPIRING");
        matching.remind(LocalDate.now(PortalClock.ZONE));
        assertThat(kinds(id, a.subject)).hasSize(3);
        assertThat(mails(run, a.email)).isEqualTo(3);
    }

    @Test
    void staffSetConditionsOnTheFormAndBadValuesAreRefused() {
        String run = "s" + System.nanoTime();
        long id = policy(run, "表单测试政策" + run, false);
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/content/" + id + "/conditions").then().statusCode(200);
        Response bad = staff.form().formParam("minRdRatio", "abc").formParam("minEmployees", "50")
                .formParam("maxEmployees", "10").formParam("requiredTags", "不存在的资质")
                .post("/staff/content/" + id + "/conditions");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("研发投入占比下限应为数字", "上限不能小于下限", "资质选项不正确");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Eligibility.forItem(id).isPresent())).isFalse();

        staff.form().formParam("requiredTags", "科技型中小企业").formParam("minRdRatio", "3")
                .formParam("industries", "新材料、电子信息").formParam("manualConditions", "条件一\n条件二")
                .formParam("benefit", "最高 30 万元").formParam("applyDeadline", "2030-06-30")
                .post("/staff/content/" + id + "/conditions").then().statusCode(303);
        Eligibility saved = QuarkusTransaction.requiringNew().call(() -> Eligibility.forItem(id).orElseThrow());
        assertThat(saved.industries).containsExactly("新材料", "电子信息");
        assertThat(saved.manualConditions).containsExactly("条件一", "条件二");
        assertThat(saved.minRdRatio).isEqualByComparingTo("3");
        assertThat(saved.applyDeadline).isEqualTo(LocalDate.of(2030, 6, 30));
        assertThat(staff.request().get("/staff/content/" + id + "/conditions").asString()).contains("新材料、电子信息");
        // A stale version is refused.
        staff.open("/staff/content/" + id + "/conditions");
        staff.form().formParam("version", "-1").post("/staff/content/" + id + "/conditions").then().statusCode(409);
    }

    // --- helpers

    private long policy(String slug, String title, boolean published) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = new ContentItem();
            item.slug = slug;
            item.type = ContentType.POLICY;
            item.title = title;
            item.region = "广元市";
            item.status = published ? ContentStatus.PUBLISHED : ContentStatus.DRAFT;
            item.persist();
            if (published) {
                // as every published item: the index must not miss it (an import does not notify)
                changed.fire(new ContentChanged(item.id, slug, ContentChanged.Change.IMPORTED, false, true));
            }
            return item.id;
        });
    }

    private void publish(long id) {
        changeStatus(id, ContentStatus.PUBLISHED);
    }

    private void changeStatus(long id, ContentStatus to) {
        long version = QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>findById(id).version);
        content.changeStatus(id, version, to, "测试");
    }

    private void save(long id, EligibilityInput in) {
        Long version = QuarkusTransaction.requiringNew().call(() -> Eligibility.forItem(id).map(e -> e.version).orElse(null));
        matching.save(id, version, in, "测试");
    }

    static EligibilityInput input(List<String> required, List<String> excluded, List<String> districts, String minRd,
            String maxYears, List<String> manual, String benefit, String deadline) {
        return new EligibilityInput(null, required, excluded, districts, List.of(), null, null, null, null, minRd, List.of(), null,
                maxYears, manual, benefit, deadline);
    }

    private static List<String> slugs(List<MatchingService.Match> matches, String run) {
        return matches.stream().map(m -> m.item().slug).filter(s -> s.startsWith(run)).toList();
    }

    private static String section(String html, String from, String to) {
        int start = html.indexOf("id=\"" + from + "\"");
        int end = html.indexOf("id=\"" + to + "\"");
        assertThat(start).as("section %s", from).isPositive();
        return html.substring(start, end > start ? end : html.length());
    }

    private static Set<String> notified(long id) {
        return QuarkusTransaction.requiringNew().call(() -> EnterpriseMessage.<EnterpriseMessage>list(
                "item.id = ?1 and kind = ?2", id, EnterpriseMessage.Kind.MATCH).stream().map(m -> m.subject)
                .collect(Collectors.toSet()));
    }

    /** Every profile in the database that the matcher says qualifies: the exact set to be told. */
    private static Set<String> expectedEligible(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Eligibility rule = Eligibility.forItem(id).orElseThrow();
            return EnterpriseProfile.<EnterpriseProfile>listAll().stream()
                    .filter(p -> Matcher.evaluate(rule, Facts.of(p), LocalDate.now(PortalClock.ZONE)).worthTelling())
                    .map(p -> p.subject).collect(Collectors.toSet());
        });
    }

    private static long messages(long id, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> EnterpriseMessage.count(
                "item.id = ?1 and subject = ?2 and kind = ?3", id, subject, EnterpriseMessage.Kind.MATCH));
    }

    private static List<String> kinds(long id, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> EnterpriseMessage.<EnterpriseMessage>list(
                "item.id = ?1 and subject = ?2", id, subject).stream().map(m -> m.kind.name()).toList());
    }

    private static long mails(String run, String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("recipient = ?1 and subject like ?2",
                recipient, "%" + run + "%"));
    }
}

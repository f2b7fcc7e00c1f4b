package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.needs.NeedLinks;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Need → demand on the real stack, through the pages: staff draft a demand from a 成果转化/技术转移 need
 * (bad input: Chinese field errors, nothing saved), the enterprise consents on the page its need links
 * to, the demand is published and both sides link to each other; other categories are refused.
 */
@QuarkusTest
class NeedConversionTest {

    @Inject
    NeedSubmission submission;

    @Inject
    NeedLinks needLinks;

    @Inject
    NeedConversion conversion;

    @Inject
    MarketWorkflow workflow;

    private cn.keyida.portal.needs.Need need(String category, String title) {
        return submission.submit(MarketFixtures.enterprise(), new NeedSubmission.Submission(category, title,
                "我公司希望引进成熟的废旧塑料化学回收技术，建设示范生产线。", "年处理废塑料一万吨", new BigDecimal("120"),
                LocalDate.now().plusMonths(8), true), List.of(), "王建国（enterprise1）").orElseThrow();
    }

    @Test
    void staffDraftTheEnterpriseConsentsAndBothSidesLink() {
        String title = "废旧塑料化学回收技术引进" + System.nanoTime();
        var need = need("TRANSFER", title);
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/needs/" + need.id).then().statusCode(200).body(containsString("/staff/market/from-need/" + need.id));
        staff.open("/staff/market/from-need/" + need.id).then().statusCode(200)
                .body(containsString(need.trackingNo), containsString(title), containsString("value=\"120\""));

        // Bad input: Chinese field errors, nothing saved on either side.
        staff.form().formParam("title", title).formParam("field", "99").formParam("description", "描述")
                .formParam("problem", "问题").formParam("budgetMax", "一百").formParam("deadline", "2027/13/01")
                .post("/staff/market/from-need/" + need.id).then().statusCode(400)
                .body(containsString("技术领域不在领域目录中"), containsString("请至少选择一种合作方式"),
                        containsString("预算上限请填写数字"), containsString("截止日期格式不正确"));
        assertThat(conversion.existing(need.id)).isEmpty();
        assertThat(needLinks.links(need.id)).isEmpty();

        Response proposed = staff.form().formParam("title", title).formParam("field", "07")
                .formParam("description", "建设废旧塑料热解油化示范生产线。").formParam("problem", "废塑料分选和热解油品质不稳定。")
                .formParam("modes", "技术转让").formParam("budgetMax", "120").formParam("deadline", LocalDate.now().plusMonths(8).toString())
                .formParam("namePublic", "true").post("/staff/market/from-need/" + need.id);
        proposed.then().statusCode(303);
        long id = Long.parseLong(proposed.header("Location").replaceAll(".*/staff/market/items/(\\d+).*", "$1"));
        MarketItem draft = QuarkusTransaction.requiringNew().call(() -> MarketItem.<MarketItem>findById(id));
        assertThat(draft.status).isEqualTo(ItemStatus.DRAFT);
        assertThat(draft.ownerSubject).isEqualTo(MarketFixtures.enterprise());
        assertThat(draft.sourceNeedId).isEqualTo(need.id);
        assertThat(draft.sourceNeedNo).isEqualTo(need.trackingNo);
        assertThat(draft.awaitingConsent()).isTrue();
        // One demand per need; the staff page of the need now leads to it.
        assertThatThrownBy(() -> conversion.propose(need.id, MarketItems.formOf(draft), "x")).isInstanceOf(ConflictException.class);
        assertThat(staff.open("/staff/market/from-need/" + need.id).then().statusCode(303).extract().header("Location"))
                .endsWith("/staff/market/items/" + id);
        staff.open("/staff/market/items/" + id).then().statusCode(200).body(containsString(need.trackingNo), containsString("待企业同意"));
        // Not public before the consent.
        UserSession.anonymous().open("/market/demands/" + id).then().statusCode(404);

        // The enterprise sees the proposal on its need page and consents on the demand's page.
        UserSession enterprise = new UserSession("enterprise1");
        enterprise.open("/my/needs/" + need.trackingNo).then().statusCode(200)
                .body(containsString("请查看并确认是否同意"), containsString("/my/market/" + id));
        enterprise.open("/my/market/" + id).then().statusCode(200).body(containsString("同意发布"), containsString(need.trackingNo));
        UserSession other = new UserSession("enterprise2");
        other.open("/my/profile"); // a page with a form: its CSRF token
        other.form().formParam("version", String.valueOf(draft.version)).post("/my/market/" + id + "/consent").then().statusCode(404);
        enterprise.form().formParam("version", String.valueOf(draft.version + 7)).post("/my/market/" + id + "/consent")
                .then().statusCode(409);
        enterprise.form().formParam("version", String.valueOf(draft.version)).post("/my/market/" + id + "/consent").then().statusCode(303);
        MarketItem published = QuarkusTransaction.requiringNew().call(() -> MarketItem.<MarketItem>findById(id));
        assertThat(published.status).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(published.publishedAt).isNotNull();
        assertThat(published.awaitingConsent()).isFalse();
        enterprise.form().formParam("version", String.valueOf(published.version)).post("/my/market/" + id + "/consent")
                .then().statusCode(409);

        // Linked both ways: the need shows the published demand, the demand records its need.
        assertThat(needLinks.links(need.id)).containsExactly(new NeedLinks.Link("已发布为技术需求：" + title, "/market/demands/" + id));
        enterprise.open("/my/needs/" + need.trackingNo).then().statusCode(200)
                .body(containsString("href=\"/market/demands/" + id + "\""), not(containsString("href=\"/my/market/" + id + "\"")));
        UserSession.anonymous().open("/market/demands/" + id).then().statusCode(200).body(containsString(title));
    }

    @Test
    void onlyTransferNeedsBecomeDemands() {
        Enterprises.enterpriseA();
        var need = need("TECH", "技术攻关需求不可转化" + System.nanoTime());
        assertThatThrownBy(() -> conversion.source(need.id)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("只有“成果转化/技术转移”类需求可以转为技术需求");
        new UserSession("staff1").open("/staff/market/from-need/" + need.id).then().statusCode(400)
                .body(containsString("只有“成果转化/技术转移”类需求可以转为技术需求"));
        assertThatThrownBy(() -> conversion.source(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEditedProposalIsNoLongerPublishedOnConsent() {
        var need = need("TRANSFER", "废旧塑料化学回收技术引进" + System.nanoTime());
        MarketItem draft = conversion.propose(need.id, java.util.Map.of("title", "废旧塑料热解油化技术需求",
                "field", "07", "description", "建设废旧塑料热解油化示范生产线。", "problem", "热解油品质不稳定。",
                "modes", "技术转让", "budgetMax", "120", "deadline", LocalDate.now().plusMonths(8).toString(),
                "namePublic", "true"), "测试员（staff1）");
        java.util.Map<String, String> changed = new java.util.LinkedHashMap<>(MarketItems.formOf(draft));
        changed.put("description", "企业自行改写、未经审核的描述。");
        MarketItem edited = workflow.edit(draft.id, MarketFixtures.enterprise(), draft.version, changed, "王建国");
        assertThat(edited.awaitingConsent()).isFalse();
        assertThatThrownBy(() -> conversion.consent(edited.id, MarketFixtures.enterprise(), edited.version, "王建国"))
                .isInstanceOf(ConflictException.class);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MarketItem.<MarketItem>findById(edited.id).status))
                .isEqualTo(ItemStatus.DRAFT);
    }
}

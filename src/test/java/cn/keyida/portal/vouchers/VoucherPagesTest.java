package cn.keyida.portal.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole cycle through the real pages (Keycloak tokens, CSRF, multipart uploads, PostgreSQL, SMTP):
 * staff open a batch, the enterprise applies for a 检验检测 service, staff approve, the provider confirms
 * contract and delivery, the enterprise accepts, the provider asks for redemption, staff pay, the
 * dashboard, the export and the public page show it.
 */
@QuarkusTest
class VoucherPagesTest {

    static final Pattern ID = Pattern.compile("/(\\d+)$");

    static long idOf(Response r) {
        Matcher m = ID.matcher(r.header("Location"));
        assertThat(m.find()).as(r.header("Location")).isTrue();
        return Long.parseLong(m.group(1));
    }

    static long version(long voucher) {
        return QuarkusTransaction.requiringNew().call(() -> Voucher.<Voucher>findById(voucher).version);
    }

    @Test
    void theWholeCycleThroughThePages() {
        Enterprises.enterpriseA();
        VoucherProvider provider = VoucherFixtures.provider();
        UserSession staff = new UserSession("staff1");
        UserSession enterprise = new UserSession("enterprise1");
        UserSession prov = new UserSession("provider1");
        LocalDate today = VoucherFixtures.today();
        String name = "2026年第二批科技创新券" + System.nanoTime();

        staff.open("/staff/vouchers/batches/new").then().statusCode(200);
        Response created = staff.form().formParam("name", name).formParam("totalBudget", "200000.00")
                .formParam("annualCap", "50000").formParam("ratioPercent", "50").formParam("categories", "TESTING")
                .formParam("qualifications", "高新技术企业").formParam("applyFrom", today.toString())
                .formParam("applyTo", today.plusDays(30).toString()).formParam("useUntil", today.plusDays(180).toString())
                .formParam("validDays", "90").post("/staff/vouchers/batches");
        created.then().statusCode(303);
        long batch = idOf(created);
        long batchVersion = QuarkusTransaction.requiringNew().call(() -> VoucherBatch.<VoucherBatch>findById(batch).version);
        staff.open("/staff/vouchers/batches/" + batch);
        staff.form().formParam("version", batchVersion).post("/staff/vouchers/batches/" + batch + "/open").then().statusCode(303);
        // the second click on a stale page is a 409, and the batch stays open
        staff.form().formParam("version", batchVersion).post("/staff/vouchers/batches/" + batch + "/open")
                .then().statusCode(409).body(containsString("其他人"));

        // the enterprise tries the amount first: 50 % of 30,000 is 15,000
        enterprise.open("/my/vouchers").then().statusCode(200).body(containsString(name));
        enterprise.open("/my/vouchers/batches/" + batch + "/apply?amount=30000").then().statusCode(200)
                .body(containsString("15,000.00 元")).body(containsString("已认定为高新技术企业"));
        enterprise.open("/my/vouchers/batches/" + batch + "/apply?amount=3.141").then().statusCode(400)
                .body(containsString("最多保留两位小数"));
        byte[] pdf = VoucherFixtures.PDF;
        long offer = VoucherFixtures.offer(provider);
        // a wrong file: 400 with the field's message, nothing saved
        long before = QuarkusTransaction.requiringNew().call(() -> Voucher.count());
        enterprise.multipart().multiPart("batchId", String.valueOf(batch)).multiPart("providerId", String.valueOf(provider.id))
                .multiPart("offerId", String.valueOf(offer)).multiPart("quoteAmount", "30000")
                .multiPart("legalRepresentative", "王建国").multiPart("contactMobile", "13900001111")
                .multiPart("quote", "报价.pdf", "hello".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/my/vouchers/apply").then().statusCode(400).body(containsString("服务报价单"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Voucher.count())).isEqualTo(before);
        Response applied = enterprise.multipart().multiPart("batchId", String.valueOf(batch))
                .multiPart("providerId", String.valueOf(provider.id)).multiPart("offerId", String.valueOf(offer))
                .multiPart("quoteAmount", "30000").multiPart("legalRepresentative", "王建国")
                .multiPart("contactMobile", "13900001111").multiPart("quote", "报价.pdf", pdf, "application/pdf")
                .post("/my/vouchers/apply");
        applied.then().statusCode(303);
        long v = idOf(applied);
        enterprise.open("/my/vouchers/" + v).then().statusCode(200).body(containsString("已提交"));
        new UserSession("enterprise2").open("/my/vouchers/" + v).then().statusCode(404);

        staff.open("/staff/vouchers/" + v).then().statusCode(200).body(containsString("开始审核"));
        staff.form().formParam("version", version(v)).post("/staff/vouchers/" + v + "/review").then().statusCode(303);
        staff.open("/staff/vouchers/" + v);
        staff.form().formParam("version", version(v)).formParam("approvedAmount", "15000.001")
                .post("/staff/vouchers/" + v + "/approve").then().statusCode(400).body(containsString("两位小数"));
        staff.form().formParam("version", version(v)).formParam("approvedAmount", "15000")
                .post("/staff/vouchers/" + v + "/approve").then().statusCode(303);
        Mailbox.await("enterprise1@example.com", m -> m.subject().contains("已核准"), Duration.ofSeconds(20));

        prov.open("/provider/vouchers/" + v).then().statusCode(200).body(containsString("确认服务合同"));
        prov.form().formParam("version", version(v)).formParam("contractAmount", "30000")
                .formParam("contractFrom", today.toString()).formParam("contractTo", today.plusDays(200).toString())
                .post("/provider/vouchers/" + v + "/contract").then().statusCode(400).body(containsString("使用截止日期"));
        prov.form().formParam("version", version(v)).formParam("contractAmount", "30000")
                .formParam("contractFrom", today.toString()).formParam("contractTo", today.plusDays(20).toString())
                .post("/provider/vouchers/" + v + "/contract").then().statusCode(303);
        prov.open("/provider/vouchers/" + v);
        prov.form().formParam("version", version(v)).formParam("note", "检测报告已出具")
                .post("/provider/vouchers/" + v + "/deliver").then().statusCode(303);
        enterprise.open("/my/vouchers/" + v).then().body(containsString("确认验收"));
        enterprise.form().formParam("version", version(v)).post("/my/vouchers/" + v + "/accept").then().statusCode(303);

        prov.open("/provider/vouchers/" + v).then().body(containsString("申请兑付"));
        prov.multipart().multiPart("voucher", String.valueOf(v)).multiPart("version", String.valueOf(version(v)))
                .multiPart("invoiceAmount", "28000").multiPart("invoice", "发票.pdf", pdf, "application/pdf")
                .multiPart("acceptance", "验收.pdf", pdf, "application/pdf")
                .post("/provider/vouchers/redeem").then().statusCode(303);

        // 50 % of the 28,000 invoice: at most 14,000 of the 15,000 approved
        staff.open("/staff/vouchers/" + v).then().body(containsString("14000.00"));
        staff.form().formParam("version", version(v)).formParam("redemptionAmount", "14000.01")
                .formParam("paidOn", today.toString()).formParam("paymentReference", "GK-2026-001")
                .post("/staff/vouchers/" + v + "/pay").then().statusCode(400).body(containsString("不能超过"));
        staff.form().formParam("version", version(v)).formParam("redemptionAmount", "14000")
                .formParam("paidOn", today.toString()).formParam("paymentReference", "GK-2026-001")
                .post("/staff/vouchers/" + v + "/pay").then().statusCode(303);
        Mailbox.await("provider1@example.com", m -> m.subject().contains("已兑付"), Duration.ofSeconds(20));

        staff.open("/staff/vouchers/batches/" + batch).then().statusCode(200)
                .body(containsString("data-redeemed>14000.00 元")).body(containsString("data-remaining>186000.00 元"))
                .body(containsString("检验检测")).body(containsString(provider.name));
        byte[] xlsx = staff.request().get("/staff/vouchers/batches/" + batch + "/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        UserSession.anonymous().open("/vouchers").then().statusCode(200).body(containsString(name))
                .body(containsString(provider.name));
        UserSession.anonymous().open("/vouchers/providers/" + provider.id).then().statusCode(200)
                .body(containsString("金属材料力学性能检测"));
    }

    @Test
    void aNewProviderRegistersAndBadInputIsA400() {
        UserSession p2 = new UserSession("provider2");
        p2.open("/provider/profile").then().statusCode(200).body(containsString("登记入库"));
        long before = QuarkusTransaction.requiringNew().call(() -> VoucherProvider.count());
        p2.form().formParam("version", "0").formParam("name", "成都天府检测技术有限公司").formParam("creditCode", "123")
                .formParam("email", "not-an-address").post("/provider/profile").then().statusCode(400)
                .body(containsString("统一社会信用代码不正确")).body(containsString("请至少选择一个服务类别"))
                .body(containsString("电子邮箱格式不正确")).body(containsString("成都天府检测技术有限公司"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherProvider.count())).isEqualTo(before);
    }

    @Test
    void namedExpertsSeeTheApplicationOthersDoNot() {
        Voucher v = VoucherFixtures.withExperts(Enterprises.enterpriseA(), VoucherFixtures.openBatch("50000", "20000"),
                VoucherFixtures.provider(), "4000");
        new UserSession("expert1").open("/expert/vouchers").then().statusCode(200).body(containsString("材料检测"));
        UserSession expert = new UserSession("expert2");
        expert.open("/expert/vouchers/" + v.id).then().statusCode(200).body(containsString("提交评审意见"));
        expert.form().formParam("version", v.version).formParam("recommend", "yes").formParam("opinion", "同意。")
                .post("/expert/vouchers/" + v.id + "/review").then().statusCode(303);
        new UserSession("expert3").open("/expert/vouchers/" + v.id).then().statusCode(404);
        new UserSession("staff1").open("/staff/vouchers/" + v.id).then().statusCode(200)
                .body(containsString("expert2：建议核准"));
    }

    @Test
    void badBatchFormIsA400WithChineseFieldErrorsAndNothingSaved() {
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/vouchers/batches/new");
        long before = QuarkusTransaction.requiringNew().call(() -> VoucherBatch.count());
        staff.form().formParam("name", "坏批次").formParam("totalBudget", "-100").formParam("annualCap", "1.005")
                .formParam("ratioPercent", "150").formParam("categories", "TESTING").formParam("applyFrom", "2026-13-01")
                .formParam("applyTo", "2026-01-01").formParam("useUntil", "2025-01-01").post("/staff/vouchers/batches")
                .then().statusCode(400).body(containsString("总预算必须大于 0")).body(containsString("两位小数"))
                .body(containsString("支持比例不能超过")).body(containsString("申领开始日期格式"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherBatch.count())).isEqualTo(before);
    }

    @Test
    void staffEditAnOpenBatchOnItsPageWithinItsRules() {
        VoucherBatch b = VoucherFixtures.openBatch("50000", "20000");
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/vouchers/batches/" + b.id + "/edit").then().statusCode(200)
                .body(containsString("批次已开放申领")).body(containsString("value=\"50000.00\""))
                .body(containsString("value=\"TESTING\" checked"));
        io.restassured.specification.RequestSpecification form = staff.form().formParam("version", b.version)
                .formParam("name", "追加预算后的批次").formParam("totalBudget", "80000").formParam("annualCap", "20000")
                .formParam("categories", "TESTING").formParam("categories", "DESIGN")
                .formParam("qualifications", "高新技术企业").formParam("districts", "利州区")
                .formParam("applyFrom", b.applyFrom.toString()).formParam("applyTo", b.applyTo.toString())
                .formParam("useUntil", b.useUntil.toString()).formParam("validDays", "60")
                .formParam("redemptionBy", "PROVIDER");
        form.formParam("ratioPercent", "80").post("/staff/vouchers/batches/" + b.id + "/edit").then().statusCode(400)
                .body(containsString("批次已开放申领，此项不能修改"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> VoucherBatch.<VoucherBatch>findById(b.id).name))
                .isEqualTo(b.name);
        staff.form().formParam("version", b.version).formParam("name", "追加预算后的批次").formParam("totalBudget", "80000")
                .formParam("annualCap", "20000").formParam("ratioPercent", "50").formParam("categories", "TESTING")
                .formParam("categories", "DESIGN").formParam("qualifications", "高新技术企业").formParam("districts", "利州区")
                .formParam("applyFrom", b.applyFrom.toString()).formParam("applyTo", b.applyTo.toString())
                .formParam("useUntil", b.useUntil.toString()).formParam("validDays", "60")
                .formParam("redemptionBy", "PROVIDER").post("/staff/vouchers/batches/" + b.id + "/edit").then()
                .statusCode(303);
        staff.open("/staff/vouchers/batches/" + b.id).then().statusCode(200).body(containsString("追加预算后的批次"));
    }
}

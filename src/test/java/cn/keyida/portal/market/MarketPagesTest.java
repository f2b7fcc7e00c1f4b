package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The market's pages with real Keycloak logins: Chinese field errors (400), stale forms (409), the review queue. */
@QuarkusTest
class MarketPagesTest {

    @Test
    void institutionPublishesThroughThePagesAndStaffReviewIt() {
        MarketFixtures.university();
        UserSession uni = new UserSession("university1");
        uni.open("/my/institution").then().statusCode(200).body(containsString("单位信息"));
        uni.form().formParam("name", "广元理工学院").formParam("kind", "高等学校").formParam("code", "事证第12号")
                .formParam("contactPerson", "李明").formParam("mobile", "13900002222").formParam("email", "university1@example.com")
                .post("/my/institution").then().statusCode(400).body(containsString("事业单位法人证书号应为"));

        uni.open("/my/market/new?kind=achievement").then().statusCode(200).body(containsString("技术成熟度"));
        long before = count();
        String title = "页面发布测试成果" + System.nanoTime();
        uni.form().formParam("kind", "achievement").formParam("title", title).formParam("field", "03")
                .formParam("description", "页面测试").formParam("modes", "技术转让").formParam("holders", "广元理工学院")
                .formParam("achievementType", "应用技术").formParam("maturity", "5").formParam("patents", "ZL2023101234")
                .formParam("price", "12.345").post("/my/market/new").then().statusCode(400)
                .body(containsString("格式不正确"), containsString("最多保留两位小数"));
        assertThat(count()).isEqualTo(before);
        Response created = uni.form().formParam("kind", "achievement").formParam("title", title).formParam("field", "03")
                .formParam("description", "页面测试").formParam("modes", "技术转让").formParam("modes", "技术许可")
                .formParam("holders", "广元理工学院").formParam("achievementType", "应用技术").formParam("maturity", "5")
                .formParam("patents", "ZL202310123456.6").formParam("priceNegotiable", "true").formParam("submit", "true")
                .post("/my/market/new");
        created.then().statusCode(303);
        String location = created.header("Location");
        long id = Long.parseLong(location.replaceAll(".*/my/market/(\\d+).*", "$1"));
        uni.open("/my/market/" + id).then().statusCode(200).body(containsString("待审核"), containsString("技术许可"));

        UserSession staff = new UserSession("staff1");
        staff.open("/staff/market").then().statusCode(200).body(containsString(title),
                containsString(LocalDate.now().getYear() + "-"));
        staff.open("/staff/market/items/" + id).then().statusCode(200).body(containsString("审核通过"));
        long version = QuarkusTransaction.requiringNew().call(() -> MarketItem.<MarketItem>findById(id).version);
        staff.form().formParam("version", String.valueOf(version)).formParam("reason", "")
                .post("/staff/market/items/" + id + "/return").then().statusCode(400).body(containsString("请填写退回原因"));
        staff.form().formParam("version", String.valueOf(version)).post("/staff/market/items/" + id + "/approve")
                .then().statusCode(303);
        // The same form again: someone acted in between.
        staff.form().formParam("version", String.valueOf(version)).post("/staff/market/items/" + id + "/approve")
                .then().statusCode(409).body(containsString("已被其他人修改"));
        UserSession.anonymous().open("/market/achievements/" + id).then().statusCode(200).body(containsString(title));
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> MarketItem.count());
    }
}

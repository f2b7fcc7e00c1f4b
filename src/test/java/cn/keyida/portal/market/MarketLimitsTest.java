package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.UserSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin page of the stuck-case limits: all or nothing, Chinese field errors, admins only. */
@QuarkusTest
class MarketLimitsTest {

    @Inject
    CaseReminders reminders;

    @Test
    void adminSetsTheLimitsPerStateAndBadInputChangesNothing() {
        Map<String, Integer> before = reminders.limits();
        try {
            UserSession admin = new UserSession("admin1");
            admin.open("/staff/market/limits").then().statusCode(200)
                    .body(containsString("意向（工作日）"), containsString("value=\"" + before.get("NEGOTIATING") + "\""));
            admin.form().formParam("INTENT", "3").formParam("NEGOTIATING", "0").formParam("SIGNED", "三十")
                    .post("/staff/market/limits").then().statusCode(400)
                    .body(containsString("“洽谈”的停滞提醒天数应为1–365个工作日"), containsString("“签约”的停滞提醒天数请填写整数"));
            assertThat(reminders.limits()).isEqualTo(before);
            admin.form().formParam("INTENT", "3").formParam("NEGOTIATING", "12").formParam("SIGNED", "30")
                    .post("/staff/market/limits").then().statusCode(303);
            assertThat(reminders.limits()).containsEntry("INTENT", 3).containsEntry("NEGOTIATING", 12).containsEntry("SIGNED", 30);
            admin.open("/staff/market/limits?saved=true").then().statusCode(200).body(containsString("已保存"), containsString("value=\"12\""));
            UserSession staff = new UserSession("staff1");
            staff.open("/staff/market/limits").then().statusCode(403);
        } finally {
            before.forEach((state, days) -> reminders.setLimit(CaseStatus.valueOf(state), days));
        }
    }
}

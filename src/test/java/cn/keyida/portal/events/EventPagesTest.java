package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The staff and public event pages through real Keycloak logins; iCalendar read back by ical4j's parser. */
@QuarkusTest
class EventPagesTest {

    @Test
    void badEventInputIsA400WithChineseFieldErrorsAndStoresNothing() {
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/events/new").then().statusCode(200);
        String title = "错误输入测试" + System.nanoTime();
        Instant now = Instant.now();
        staff.form().formParam("type", "BRIEFING").formParam("title", title).formParam("organiser", "科技局")
                .formParam("place", "会议室").formParam("audience", "PUBLIC")
                .formParam("startsAt", EventTestData.LOCAL.format(now.plus(Duration.ofDays(3))))
                .formParam("endsAt", EventTestData.LOCAL.format(now.plus(Duration.ofDays(2))))
                .formParam("capacity", "0")
                .formParam("registrationOpens", EventTestData.LOCAL.format(now.plus(Duration.ofDays(1))))
                .formParam("registrationCloses", EventTestData.LOCAL.format(now))
                .post("/staff/events").then().statusCode(400)
                .body(containsString("结束时间必须晚于开始时间"), containsString("人数上限须为 1 至 100000 之间的整数"),
                        containsString("报名截止时间必须晚于报名开始时间"), containsString(title));
        staff.form().formParam("type", "BRIEFING").formParam("title", title).formParam("organiser", "科技局")
                .formParam("place", "会议室").formParam("audience", "PUBLIC").formParam("capacity", "-5")
                .formParam("startsAt", "明天").formParam("endsAt", "").formParam("registrationOpens", "")
                .formParam("registrationCloses", "").post("/staff/events").then().statusCode(400)
                .body(containsString("人数上限须为"), containsString("开始时间格式应为"), containsString("请填写结束时间"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.count("title", title))).isZero();
    }

    @Test
    void staffPublishAndThePublicSeesTheEventInListMonthViewDetailAndFeed() throws Exception {
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/events/new").then().statusCode(200);
        String title = "高企认定政策宣讲会" + System.nanoTime();
        EventInput in = EventTestData.input(title, 2);
        var form = staff.form();
        in.values().forEach(form::formParam);
        String location = form.redirects().follow(false).post("/staff/events").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/", ""));
        // a draft is not public
        UserSession.anonymous().open("/events/" + id).then().statusCode(404);
        String page = staff.open("/staff/events/" + id).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert(1)</script>");
        long version = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(id).version);
        staff.form().formParam("version", version).redirects().follow(false).post("/staff/events/" + id + "/publish")
                .then().statusCode(303);
        // publishing twice (a stale form) is a 409, not a second change
        staff.form().formParam("version", version).post("/staff/events/" + id + "/publish").then().statusCode(409);

        UserSession.anonymous().open("/events?type=BRIEFING&district=利州区").then().statusCode(200).body(containsString(title));
        UserSession.anonymous().open("/events?type=ROADSHOW").then().statusCode(200).body(not(containsString(title)));
        String month = EventTestData.LOCAL.format(Instant.now().plus(Duration.ofDays(2))).substring(0, 7);
        UserSession.anonymous().open("/events?view=month&month=" + month).then().statusCode(200)
                .body(containsString(title), containsString("月历"));
        UserSession.anonymous().open("/events/" + id).then().statusCode(200)
                .body(containsString(title), containsString("登录后报名"), containsString("研发费用加计扣除"));

        String feed = RestAssured.get("/events.ics").then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = cal.getComponents("VEVENT");
        VEvent mine = events.stream().filter(v -> v.getProperty(Property.SUMMARY).map(p -> p.getValue().equals(title))
                .orElse(false)).findFirst().orElseThrow();
        assertThat(mine.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("event-" + id + "@keyida");
        assertThat(mine.getProperty(Property.LOCATION).orElseThrow().getValue()).contains("广元市科技局三楼会议室");
    }

    @Test
    void anEnterpriseRegistersGetsAnIcsAndACodeThatChecksInOnceOnThePhonePage() throws Exception {
        Enterprises.enterpriseA();
        Event e = EventTestData.published("注册与签到页面测试" + System.nanoTime(), 5);
        UserSession ent = new UserSession("enterprise1");
        ent.open("/events/" + e.id).then().statusCode(200).body(containsString("立即报名"));
        ent.form().redirects().follow(false).post("/events/" + e.id + "/register").then().statusCode(303);
        String page = ent.open("/events/" + e.id + "?done=registered").then().statusCode(200)
                .body(containsString("报名成功"), containsString("<svg")).extract().asString();
        String code = page.replaceAll("(?s).*class=\"checkin-code\">(\\d{6})<.*", "$1");
        assertThat(code).matches("\\d{6}");
        ent.form().post("/events/" + e.id + "/register").then().statusCode(409).body(containsString("无需重复报名"));

        String ics = ent.request().get("/events/" + e.id + "/registration.ics").then().statusCode(200).extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        VEvent v = (VEvent) cal.getComponents("VEVENT").get(0);
        assertThat(v.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("签到码：" + code);
        assertThat(v.getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("Z");
        UserSession.anonymous().request().redirects().follow(false).get("/events/" + e.id + "/registration.ics")
                .then().statusCode(302);

        UserSession staff = new UserSession("staff1");
        staff.open("/staff/events/" + e.id + "/checkin?code=" + code).then().statusCode(200)
                .body(containsString("value=\"" + code + "\""), containsString("width=device-width"));
        staff.form().formParam("code", code).post("/staff/events/" + e.id + "/checkin").then().statusCode(200)
                .body(containsString("签到成功"));
        staff.form().formParam("code", code).post("/staff/events/" + e.id + "/checkin").then().statusCode(409)
                .body(containsString("只能使用一次"));
        staff.form().formParam("code", "abc").post("/staff/events/" + e.id + "/checkin").then().statusCode(400)
                .body(containsString("请输入 6 位数字签到码"));
    }
}

package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.mail.MailSender;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The mails as the real SMTP server received them: confirmation and promotion carry the .ics. */
@QuarkusTest
class EventMailTest {

    @Inject
    EventService service;

    @Inject
    MailSender sender;

    @Test
    void theConfirmationAndThePromotionMailCarryATextCalendarPartThatIcal4jParses() throws Exception {
        Event e = EventTestData.published("日历附件测试" + System.nanoTime(), 1);
        String tag = Long.toString(System.nanoTime(), 36);
        String first = "ics-a-" + tag + "@example.com";
        String second = "ics-b-" + tag + "@example.com";
        Registration seat = service.register(e.id, "ics-a-" + tag, "甲企业", first);
        Registration waiting = service.register(e.id, "ics-b-" + tag, "乙企业", second);
        assertThat(waiting.status).isEqualTo(RegistrationStatus.WAITLISTED);
        sender.sendDue();

        VEvent confirmation = attachedEvent(first, "报名成功");
        assertThat(confirmation.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(e.title);
        assertThat(confirmation.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("签到码：" + seat.checkinCode);
        assertThat(confirmation.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("event-" + e.id + "@keyida");
        // the waiting-line mail has no calendar: there is no seat yet
        String waitMime = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.raw(second, "已进入候补"), l -> !l.isEmpty()).get(0);
        assertThat(Mailbox.parts(waitMime)).noneMatch(p -> p.headers().contains("text/calendar"));

        service.cancelRegistration(e.id, "ics-a-" + tag, "甲企业");
        sender.sendDue();
        VEvent promoted = attachedEvent(second, "候补成功");
        String code = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(waiting.id).checkinCode);
        assertThat(promoted.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("签到码：" + code);
        assertThat(Mailbox.await(second, m -> m.subject().contains("候补成功"), Duration.ofSeconds(5)).body())
                .contains("event-" + e.id + ".ics");
    }

    @Test
    void registeringAfterTheWindowIsA400WithAChineseMessageOnThePage() {
        Event e = EventTestData.published("截止后报名页面测试" + System.nanoTime(), 5);
        QuarkusTransaction.requiringNew().run(() -> {
            Event x = Event.findById(e.id);
            x.registrationOpens = java.time.Instant.now().minusSeconds(7200);
            x.registrationCloses = java.time.Instant.now().minusSeconds(60);
        });
        UserSession ent = new UserSession("enterprise2");
        // the closed event's page offers no form: the session's form token comes from an open one
        ent.open("/events/" + e.id).then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("立即报名")));
        Event open = EventTestData.published("开放报名活动" + System.nanoTime(), 5);
        ent.open("/events/" + open.id).then().statusCode(200);
        ent.form().post("/events/" + e.id + "/register").then().statusCode(400)
                .body(containsString("报名已于"), containsString("截止"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("eventId", e.id))).isZero();
    }

    /** The one VEVENT of the text/calendar part of the mail, parsed by ical4j's CalendarBuilder. */
    private static VEvent attachedEvent(String email, String subjectPart) throws Exception {
        String mime = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.raw(email, subjectPart), l -> !l.isEmpty()).get(0);
        List<Mailbox.Part> parts = Mailbox.parts(mime);
        assertThat(parts).anyMatch(p -> p.headers().contains("text/plain"));
        Mailbox.Part ics = parts.stream().filter(p -> p.headers().contains("content-type: text/calendar"))
                .findFirst().orElseThrow(() -> new AssertionError("no text/calendar part in " + mime));
        assertThat(ics.headers()).contains("event-");
        Calendar cal = new CalendarBuilder().build(new StringReader(ics.text()));
        assertThat(cal.getComponents("VEVENT")).hasSize(1);
        return (VEvent) cal.getComponents("VEVENT").get(0);
    }
}

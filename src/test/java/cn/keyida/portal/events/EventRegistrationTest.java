package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Seats, the waiting line, cancellation and check-in against the real PostgreSQL. */
@QuarkusTest
class EventRegistrationTest {

    @Inject
    EventService service;

    @Test
    void hundredSimultaneousRegistrationsForThirtySeatsGiveThirtyRegisteredAndSeventyWaitlisted() throws Exception {
        Event e = EventTestData.published("并发报名测试宣讲会" + System.nanoTime(), 30);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Registration>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String who = "concurrent-" + e.id + "-" + i;
            Callable<Registration> call = () -> {
                start.await();
                return service.register(e.id, who, "企业" + who, null);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        for (Future<Registration> f : results) {
            f.get();
        }
        pool.shutdown();
        assertThat(EventViewsCounts.of(e.id, RegistrationStatus.REGISTERED)).isEqualTo(30);
        assertThat(EventViewsCounts.of(e.id, RegistrationStatus.WAITLISTED)).isEqualTo(70);
        // the line is the order of registration: queue numbers 1..100 without gaps, the first 30 seated
        List<Registration> all = QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>list("eventId = ?1 order by queueNo", e.id));
        assertThat(all).extracting(r -> r.queueNo).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(all.subList(0, 30)).allMatch(r -> r.status == RegistrationStatus.REGISTERED);
        assertThat(all.subList(30, 100)).allMatch(r -> r.status == RegistrationStatus.WAITLISTED);
        assertThat(all).extracting(r -> r.checkinCode).doesNotHaveDuplicates();
    }

    @Test
    void cancellationsPromoteTheWaitingLineInOrderAndMailThePromoted() {
        Event e = EventTestData.published("候补递补测试" + System.nanoTime(), 2);
        String tag = e.id + "-" + System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            service.register(e.id, "p" + i + "-" + tag, "参会者" + i, "p" + i + "-" + tag + "@example.com");
        }
        // a waitlisted person leaving promotes nobody; a seated one leaving promotes the first in line
        assertThat(service.cancelRegistration(e.id, "p4-" + tag, "参会者4")).isEmpty();
        assertThat(service.cancelRegistration(e.id, "p1-" + tag, "参会者1")).get()
                .extracting(r -> r.subject).isEqualTo("p3-" + tag);
        assertThat(service.cancelRegistration(e.id, "p2-" + tag, "参会者2")).get()
                .extracting(r -> r.subject).isEqualTo("p5-" + tag);
        assertThat(EventViewsCounts.of(e.id, RegistrationStatus.REGISTERED)).isEqualTo(2);
        assertThat(EventViewsCounts.of(e.id, RegistrationStatus.WAITLISTED)).isZero();
        assertThat(mailSubjects("p3-" + tag + "@example.com")).anyMatch(s -> s.contains("候补成功"));
        assertThat(mailSubjects("p5-" + tag + "@example.com")).anyMatch(s -> s.contains("候补成功"));
        assertThat(mailSubjects("p4-" + tag + "@example.com")).noneMatch(s -> s.contains("候补成功"));
        // joining again after a cancellation puts the person at the end of the line
        Registration again = service.register(e.id, "p1-" + tag, "参会者1", null);
        assertThat(again.status).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(again.queueNo).isEqualTo(6);
        assertThatThrownBy(() -> service.register(e.id, "p1-" + tag, "参会者1", null))
                .isInstanceOf(EventConflictException.class).hasMessageContaining("无需重复报名");
    }

    @Test
    void moreSeatsPromoteTheWaitingLineInOrder() {
        String title = "扩容测试" + System.nanoTime();
        Event e = EventTestData.published(title, 1);
        String tag = e.id + "-" + System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            service.register(e.id, "x" + i + "-" + tag, "参会者" + i, null);
        }
        Event current = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(e.id));
        service.update(e.id, current.version, EventTestData.input(title, 3), "测试");
        List<String> seated = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>list(
                "eventId = ?1 and status = ?2 order by queueNo", e.id, RegistrationStatus.REGISTERED).stream()
                .map(r -> r.subject).toList());
        assertThat(seated).containsExactly("x1-" + tag, "x2-" + tag, "x3-" + tag);
        // fewer seats than people registered is refused
        Event again = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(e.id));
        assertThatThrownBy(() -> service.update(e.id, again.version, EventTestData.input(title, 2), "测试"))
                .isInstanceOf(cn.keyida.portal.web.FieldErrors.class).hasMessageContaining("不能少于已报名人数");
    }

    @Test
    void cancellingTheEventMailsEveryoneRegisteredOrWaiting() {
        Event e = EventTestData.published("取消通知测试" + System.nanoTime(), 1);
        String tag = e.id + "-" + System.nanoTime();
        service.register(e.id, "a-" + tag, "甲", "a-" + tag + "@example.com");
        service.register(e.id, "b-" + tag, "乙", "b-" + tag + "@example.com");
        service.register(e.id, "c-" + tag, "丙", "c-" + tag + "@example.com");
        service.cancelRegistration(e.id, "c-" + tag, "丙");
        Event current = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(e.id));
        service.cancel(e.id, current.version, "场地调整", "测试");
        assertThat(mailBodies("a-" + tag + "@example.com", "活动取消通知")).singleElement().asString().contains("场地调整");
        assertThat(mailBodies("b-" + tag + "@example.com", "活动取消通知")).hasSize(1);
        assertThat(mailBodies("c-" + tag + "@example.com", "活动取消通知")).isEmpty();
        assertThatThrownBy(() -> service.register(e.id, "d-" + tag, "丁", null))
                .isInstanceOf(EventConflictException.class).hasMessageContaining("已取消");
        // a stale form is refused
        assertThatThrownBy(() -> service.publish(e.id, current.version, "测试")).isInstanceOf(EventConflictException.class);
    }

    @Test
    void aCheckInCodeWorksOnceAndOnlyForItsEvent() {
        Event e = EventTestData.published("签到测试" + System.nanoTime(), 5);
        Event other = EventTestData.published("另一场签到测试" + System.nanoTime(), 5);
        Registration r = service.register(e.id, "checkin-" + e.id, "签到者", null);
        assertThatThrownBy(() -> service.checkIn(other.id, r.checkinCode, "staff1"))
                .isInstanceOf(cn.keyida.portal.web.FieldErrors.class);
        assertThat(service.checkIn(e.id, " " + r.checkinCode + " ", "staff1").checkedInAt).isNotNull();
        assertThatThrownBy(() -> service.checkIn(e.id, r.checkinCode, "staff1"))
                .isInstanceOf(EventConflictException.class).hasMessageContaining("只能使用一次");
        assertThatThrownBy(() -> service.checkIn(e.id, "12ab", "staff1")).isInstanceOf(cn.keyida.portal.web.FieldErrors.class);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                Registration.count("eventId = ?1 and checkedInAt is not null", e.id))).isEqualTo(1);
    }

    @Test
    void registrationOutsideTheWindowIsRefusedInChinese() {
        Event e = EventTestData.published("报名窗口测试" + System.nanoTime(), 5);
        QuarkusTransaction.requiringNew().run(() -> {
            Event x = Event.findById(e.id);
            x.registrationCloses = java.time.Instant.now().minusSeconds(60);
            x.registrationOpens = java.time.Instant.now().minusSeconds(3600);
        });
        assertThatThrownBy(() -> service.register(e.id, "late-" + e.id, "迟到者", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("报名已于").hasMessageContaining("截止");
        assertThat(EventViewsCounts.all(e.id)).isZero();
    }

    @Inject
    EventReminders reminders;

    @Test
    void theDayBeforeEveryoneWithASeatIsRemindedOnceWithTheirCode() {
        java.time.LocalDate today = java.time.LocalDate.now(cn.keyida.portal.common.PortalClock.ZONE);
        java.time.Instant start = today.plusDays(1).atTime(15, 0).atZone(cn.keyida.portal.common.PortalClock.ZONE).toInstant();
        java.time.Instant now = java.time.Instant.now();
        String title = "提醒测试" + System.nanoTime();
        Event e = service.create(new EventInput("TRAINING", title, "", EventTestData.LOCAL.format(start),
                EventTestData.LOCAL.format(start.plusSeconds(7200)), "会议室", "", "", "", "科技局", "1",
                EventTestData.LOCAL.format(now.minusSeconds(3600)), EventTestData.LOCAL.format(start), "PUBLIC", ""), "测试");
        service.publish(e.id, e.version, "测试");
        String tag = e.id + "-" + System.nanoTime();
        Registration seat = service.register(e.id, "r1-" + tag, "甲", "r1-" + tag + "@example.com");
        service.register(e.id, "r2-" + tag, "乙", "r2-" + tag + "@example.com");
        assertThat(reminders.remind(today)).isGreaterThanOrEqualTo(1);
        assertThat(mailBodies("r1-" + tag + "@example.com", "明天的活动")).singleElement().asString()
                .contains(seat.checkinCode);
        assertThat(mailBodies("r2-" + tag + "@example.com", "明天的活动")).isEmpty();
        reminders.remind(today); // another instance, or a second run: nothing new
        assertThat(mailBodies("r1-" + tag + "@example.com", "明天的活动")).hasSize(1);
    }

    @Test
    void finishingMailsAttendeesAOneClickRatingAndCountsNoShows() {
        Event e = EventTestData.published("结束评价测试" + System.nanoTime(), 3);
        String tag = e.id + "-" + System.nanoTime();
        Registration came = service.register(e.id, "came-" + tag, "到场者", "came-" + tag + "@example.com");
        service.register(e.id, "absent-" + tag, "缺席者", "absent-" + tag + "@example.com");
        service.checkIn(e.id, came.checkinCode, "staff1");
        Event current = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(e.id));
        service.finish(e.id, current.version, "测试");
        EventViews.Figures f = QuarkusTransaction.requiringNew().call(() -> EventViews.figures(e.id));
        assertThat(f.registered()).isEqualTo(2);
        assertThat(f.checkedIn()).isEqualTo(1);
        assertThat(f.noShow()).isEqualTo(1);
        assertThat(mailBodies("absent-" + tag + "@example.com", "请评价")).isEmpty();
        String body = mailBodies("came-" + tag + "@example.com", "请评价").get(0);
        String token = body.replaceAll("(?s).*/events/rate/([A-Za-z0-9_-]{43}).*", "$1");
        io.restassured.RestAssured.get("/events/rate/" + token).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("非常满意"));
        cn.keyida.portal.support.UserSession anonymous = cn.keyida.portal.support.UserSession.anonymous();
        anonymous.open("/events/rate/" + token);
        anonymous.form().formParam("satisfaction", "SATISFIED").post("/events/rate/" + token).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("感谢您的评价"));
        assertThatThrownBy(() -> service.rate(token, "UNSATISFIED")).isInstanceOf(EventConflictException.class);
        assertThat(QuarkusTransaction.requiringNew().call(() -> EventViews.figures(e.id)).satisfied()).isEqualTo(1);
        assertThatThrownBy(() -> service.register(e.id, "late-" + tag, "迟到", null)).isInstanceOf(EventConflictException.class);
    }

    static List<String> mailSubjects(String recipient) {
        return QuarkusTransaction.requiringNew().call(() ->
                MailOutbox.<MailOutbox>list("recipient", recipient).stream().map(m -> m.subject).toList());
    }

    static List<String> mailBodies(String recipient, String subjectPart) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list("recipient", recipient).stream()
                .filter(m -> m.subject.contains(subjectPart)).map(m -> m.body).toList());
    }

    static final class EventViewsCounts {
        static long of(long eventId, RegistrationStatus s) {
            return QuarkusTransaction.requiringNew().call(() -> EventService.count(eventId, s));
        }

        static long all(long eventId) {
            return QuarkusTransaction.requiringNew().call(() -> Registration.count("eventId", eventId));
        }
    }
}

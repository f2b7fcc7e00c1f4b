package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.keyida.portal.calendar.CalendarDay;
import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.calendar.WorkingDays;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.mail.MailSender;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.Stack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines on the holiday calendar, the daily reminders, and mail that survives a mail server outage. */
@QuarkusTest
class NeedJobsTest {

    @Inject
    NeedSubmission needs;

    @Inject
    NeedReminders reminders;

    @Inject
    MailSender mailSender;

    @Inject
    WorkingCalendar calendar;

    @Test
    void acceptDeadlineSkipsWeekendsAndCalendarHolidays() {
        // A Friday; the next Monday is entered as a holiday, the Saturday after as a worked day.
        LocalDate friday = LocalDate.of(2031, 1, 3);
        QuarkusTransaction.requiringNew().run(() -> {
            calendar.setDay(friday.plusDays(3), CalendarDay.Kind.HOLIDAY, "测试");
            calendar.setDay(friday.plusDays(8), CalendarDay.Kind.WORKDAY, "测试");
        });
        WorkingDays days = QuarkusTransaction.requiringNew().call(calendar::load);
        assertThat(days.addWorkingDays(friday, 1)).isEqualTo(friday.plusDays(4)); // Tuesday
        assertThat(days.addWorkingDays(friday, 5)).isEqualTo(friday.plusDays(8)); // the worked Saturday
        assertThat(days.workingDaysBetween(friday, friday.plusDays(8))).isEqualTo(5);
    }

    @Test
    void reminderJobMailsAssigneesAndSupervisorsOncePerDay() {
        Need need = submitted("超期提醒测试" + System.nanoTime());
        QuarkusTransaction.requiringNew().run(() -> {
            Need n = Need.findById(need.id);
            n.status = NeedStatus.IN_PROGRESS;
            n.assignee = "staff1";
            n.resolveDue = LocalDate.now().minusDays(3);
        });
        LocalDate day = LocalDate.now().plusYears(20).plusDays(need.id); // a day no other test uses
        int first = reminders.remind(day);
        int second = reminders.remind(day);
        assertThat(first).isGreaterThanOrEqualTo(2); // staff1 (assignee) and at least one supervisor
        assertThat(second).isZero();
        mailSender.sendDue();
        Mailbox.await("staff1@example.com", m -> m.body().contains(need.trackingNo) && m.subject().contains("超期"),
                Duration.ofSeconds(20));
        Mailbox.await("supervisor1@example.com", m -> m.body().contains(need.trackingNo) && m.subject().contains("超期需求"),
                Duration.ofSeconds(20));
    }

    @Test
    void needsAreStoredWhileTheMailServerIsDownAndMailsGoOutWhenItReturns() {
        Stack.stop(Stack.Service.MAIL);
        Need need;
        try {
            need = submitted("邮件服务器停机测试" + System.nanoTime());
            assertThat(QuarkusTransaction.requiringNew().call(() -> Need.count("trackingNo", need.trackingNo))).isEqualTo(1);
            mailSender.sendDue(); // fails, stays queued
            long queued = QuarkusTransaction.requiringNew().call(() ->
                    MailOutbox.count("sentAt is null and subject like ?1", "%" + need.trackingNo + "%"));
            assertThat(queued).isEqualTo(1);
        } finally {
            Stack.start(Stack.Service.MAIL);
        }
        QuarkusTransaction.requiringNew().run(() -> MailOutbox.update("nextAttemptAt = ?1 where sentAt is null",
                java.time.Instant.now()));
        Mailbox.await("enterprise1@example.com", m -> m.subject().contains(need.trackingNo), Duration.ofSeconds(30));
        // and the round that sent it marked it sent, so no later round sends it again
        await("mail marked sent").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> MailOutbox.count("sentAt is null and subject like ?1",
                        "%" + need.trackingNo + "%")), unsent -> unsent == 0);
    }

    private Need submitted(String title) {
        EnterpriseProfile profile = Enterprises.enterpriseA();
        return needs.submit(profile.subject, new NeedSubmission.Submission("POLICY", title, "描述", "", BigDecimal.TEN, null, true),
                List.of(), "王建国（enterprise1）").orElseThrow();
    }
}

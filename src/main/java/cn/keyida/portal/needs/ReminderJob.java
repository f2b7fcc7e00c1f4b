package cn.keyida.portal.needs;

import cn.keyida.portal.mail.MailOutbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every working morning: each assignee gets their due-soon and overdue needs, each supervisor the
 * overdue ones. The mail's dedupe key (person + day) makes it go out once even when every app
 * instance runs this job.
 */
@ApplicationScoped
public class ReminderJob {

    private final NeedsConfig config;

    ReminderJob(NeedsConfig config) {
        this.config = config;
    }

    @Scheduled(cron = "{portal.needs.reminder-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int queued = remind(Sla.today());
            Log.infof("Reminder job queued %d mails", queued);
        } catch (RuntimeException e) {
            Log.errorf(e, "Reminder job failed; it runs again tomorrow");
        }
    }

    /** Queues today's reminders; returns how many mails this call queued (0 when already done). */
    public int remind(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Need> open = Need.list("status in ?1 and assignee is not null", NeedStatus.OPEN);
            int queued = 0;
            for (StaffMember staff : StaffMember.listActive()) {
                List<Need> mine = open.stream().filter(n -> staff.username.equals(n.assignee))
                        .filter(n -> n.isOverdue(today) || n.isDueSoon(today)).toList();
                if (!mine.isEmpty() && staff.email != null
                        && MailOutbox.queueOnce("due:" + staff.username + ":" + today, staff.email,
                                "【科易达】您有 " + mine.size() + " 条需求即将到期或已超期", list(mine, today))) {
                    queued++;
                }
            }
            List<Need> overdue = Need.<Need>list("status in ?1", NeedStatus.OPEN).stream()
                    .filter(n -> n.isOverdue(today)).toList();
            if (!overdue.isEmpty()) {
                for (StaffMember supervisor : StaffMember.supervisors()) {
                    if (supervisor.email != null && MailOutbox.queueOnce("overdue:" + supervisor.username + ":" + today,
                            supervisor.email, "【科易达】超期需求 " + overdue.size() + " 条", list(overdue, today))) {
                        queued++;
                    }
                }
            }
            return queued;
        });
    }

    private String list(List<Need> needs, LocalDate today) {
        return needs.stream().map(n -> "%s  %s  期限 %s%s  %s/staff/needs/%d".formatted(n.trackingNo, n.title,
                        n.currentDue(), n.isOverdue(today) ? "（已超期）" : "", config.baseUrl(), n.id))
                .collect(Collectors.joining("\n", "以下需求需要您关注：\n\n", "\n"));
    }
}
